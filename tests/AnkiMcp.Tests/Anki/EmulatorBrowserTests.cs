using System.Text.Json;
using static AnkiMcp.Tests.Anki.EmulatorFixture;

namespace AnkiMcp.Tests.Anki;

/// <summary>Anki's Browser as the add-on meets it: a note shown in its editor ignores updates, and the editor saves its
/// own copy when it lets the note go (FooSoft/anki-connect #82).</summary>
public sealed class EmulatorBrowserTests
{
    [Fact]
    public async Task NoteShownInTheBrowser_IgnoresUpdates_WithoutAnError_UntilTheBrowserLetsItGo()
    {
        await using var f = await StartAsync();
        long shown = await f.Client.AddNoteAsync(Basic("shown", "old"), Ct);
        long other = await f.Client.AddNoteAsync(Basic("other", "old"), Ct);
        Assert.Empty((await f.Client.InvokeAsync("guiSelectedNotes", null, Ct)).EnumerateArray());

        JsonElement found = await f.Client.InvokeAsync("guiBrowse", new { query = $"nid:{shown}" }, Ct);
        await f.Client.UpdateNoteAsync(shown, new Dictionary<string, string> { ["Back"] = "new" }, ["edited"], Ct);
        await f.Client.UpdateNoteFieldsAsync(other, new Dictionary<string, string> { ["Back"] = "new" }, Ct);

        Assert.Single(found.EnumerateArray());
        Assert.Equal([shown], (await f.Client.InvokeAsync("guiSelectedNotes", null, Ct)).EnumerateArray().Select(id => id.GetInt64()));
        AnkiMcp.Core.Anki.AnkiNoteInfo ignored = await f.NoteAsync(shown);
        Assert.Equal("old", ignored.GetField("Back"));
        Assert.Empty(ignored.Tags);
        Assert.Equal("new", (await f.NoteAsync(other)).GetField("Back"));

        f.Anki.CloseBrowser();
        await f.Client.UpdateNoteFieldsAsync(shown, new Dictionary<string, string> { ["Back"] = "new" }, Ct);

        Assert.Empty((await f.Client.InvokeAsync("guiSelectedNotes", null, Ct)).EnumerateArray());
        Assert.Equal("new", (await f.NoteAsync(shown)).GetField("Back"));
    }

    [Fact]
    public async Task SelectingAnotherCard_MovesTheEditor_AndNeedsAnOpenBrowser()
    {
        await using var f = await StartAsync();
        long first = await f.Client.AddNoteAsync(Basic("first"), Ct);
        long second = await f.Client.AddNoteAsync(Basic("second"), Ct);
        long secondCard = (await f.NoteAsync(second)).Cards[0];

        Assert.False((await f.Client.InvokeAsync("guiSelectCard", new { card = secondCard }, Ct)).GetBoolean());
        await f.Client.InvokeAsync("guiBrowse", new { query = "deck:Default" }, Ct);
        Assert.Equal(first, f.Anki.NoteInBrowserEditor);
        Assert.True((await f.Client.InvokeAsync("guiSelectCard", new { card = secondCard }, Ct)).GetBoolean());
        Assert.Equal(second, f.Anki.NoteInBrowserEditor);

        await f.Client.UpdateNoteFieldsAsync(first, new Dictionary<string, string> { ["Back"] = "landed" }, Ct);
        await f.Client.InvokeAsync("guiBrowse", new { query = "nid:0" }, Ct);

        Assert.Equal("landed", (await f.NoteAsync(first)).GetField("Back"));
        Assert.Null(f.Anki.NoteInBrowserEditor);
        Assert.Empty((await f.Client.InvokeAsync("guiSelectedNotes", null, Ct)).EnumerateArray());
    }
}
