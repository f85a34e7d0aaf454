using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using static AnkiMcp.Tests.Anki.EmulatorFixture;

namespace AnkiMcp.Tests.Anki;

/// <summary>Media, profiles and the remaining actions, through the client.</summary>
public sealed class EmulatorMediaAndProfilesTests
{
    private static readonly string[] BackField = ["Back"];
    private static readonly string[] ActionsScope = ["actions"];
    private static readonly string[] ReflectedActions = ["addNotes", "bogus"];

    [Fact]
    public async Task Media_StoresRetrievesRenamesAndLists()
    {
        await using var f = await StartAsync();
        byte[] one = Encoding.UTF8.GetBytes("one");
        byte[] two = Encoding.UTF8.GetBytes("two");

        string first = await f.Client.StoreMediaFileAsync("_pic.png", one, deleteExisting: false, Ct);
        string same = await f.Client.StoreMediaFileAsync("_pic.png", one, deleteExisting: false, Ct);
        string renamed = await f.Client.StoreMediaFileAsync("_pic.png", two, deleteExisting: false, Ct);
        string replaced = await f.Client.StoreMediaFileAsync("notes.txt", two, deleteExisting: true, Ct);

        Assert.Equal("_pic.png", first);
        Assert.Equal("_pic.png", same);
        Assert.Equal("_pic-ad782ecdac770fc6eb9a62e44f90873fb97fb26b.png", renamed);
        Assert.Equal("notes.txt", replaced);
        Assert.Equal(one, await f.Client.RetrieveMediaFileAsync("_pic.png", Ct));
        Assert.Equal(two, await f.Client.RetrieveMediaFileAsync(renamed, Ct));
        Assert.Equal(new[] { "_pic.png", renamed }.Order(StringComparer.Ordinal), (await f.Client.GetMediaFilesNamesAsync("_pic*.png", Ct)).Order(StringComparer.Ordinal));
        await f.Client.DeleteMediaFileAsync("_pic.png", Ct);
        Assert.Null(await f.Client.RetrieveMediaFileAsync("_pic.png", Ct));
    }

    [Fact]
    public async Task AddNoteWithPicture_StoresItAndReferencesItInTheField_AndFailuresLandInTheField()
    {
        await using var f = await StartAsync();

        JsonElement id = await f.Client.InvokeAsync("addNote", new
        {
            note = new
            {
                deckName = "Default",
                modelName = "Basic",
                fields = new { Front = "cat", Back = "a cat" },
                picture = new object[]
                {
                    new { filename = "cat.jpg", data = Convert.ToBase64String([1, 2, 3]), fields = BackField },
                    new { filename = "dog.jpg", url = "https://example.invalid/dog.jpg", fields = BackField },
                },
            },
        }, Ct);

        AnkiNoteInfo note = await f.NoteAsync(id.GetInt64());
        Assert.Equal("a cat<img src=\"cat.jpg\">https://example.invalid/dog.jpg download failed with return code 404", note.GetField("Back"));
        Assert.Equal([1, 2, 3], await f.Client.RetrieveMediaFileAsync("cat.jpg", Ct));
    }

    [Fact]
    public async Task Profiles_EachHasItsOwnCollection()
    {
        await using var f = await StartAsync(new AnkiConnectEmulator.EmulatorOptions { Profiles = ["Main", "Work"] });
        await f.Client.AddNoteAsync(Basic("in main"), Ct);

        Assert.Equal(["Main", "Work"], await f.Client.GetProfilesAsync(Ct));
        Assert.False(await f.Client.LoadProfileAsync("Nobody", Ct));
        Assert.True(await f.Client.LoadProfileAsync("Work", Ct));

        Assert.Equal("Work", await f.Client.GetActiveProfileAsync(Ct));
        Assert.Empty(await f.Client.FindNotesAsync("", Ct));
        f.Anki.SetActiveProfile("Main");
        Assert.Single(await f.Client.FindNotesAsync("", Ct));
    }

    [Fact]
    public async Task Misc_SyncPermissionAndReflection()
    {
        await using var f = await StartAsync();

        await f.Client.SyncAsync(Ct);
        Assert.True(await f.Client.RequestPermissionAsync(Ct));
        JsonElement reflected = await f.Client.InvokeAsync("apiReflect", new { scopes = ActionsScope, actions = ReflectedActions }, Ct);
        Assert.Equal(["actions"], reflected.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["addNotes"], reflected.GetProperty("actions").EnumerateArray().Select(e => e.GetString()));
        AnkiConnectException bad = await Assert.ThrowsAsync<AnkiConnectException>(() => f.Client.InvokeAsync("apiReflect", new { scopes = "actions" }, Ct));
        Assert.Equal("scopes has invalid value", bad.AnkiError);
    }

    [Fact]
    public async Task UserActionsInAnki_AreSeenByTheClient()
    {
        // A frozen clock: the mod-time check must not race the wall clock on a loaded machine.
        await using var f = await StartAsync(new AnkiConnectEmulator.EmulatorOptions { Clock = new FrozenClock(DateTimeOffset.UnixEpoch.AddYears(56)) });
        long id = f.Anki.AddNote("Lang::Spanish", "Basic", new Dictionary<string, string> { ["Front"] = "hola", ["Back"] = "hi" }, ["es"]);
        long created = (await f.NoteAsync(id)).Mod!.Value;
        f.Anki.AdvanceClock(TimeSpan.FromMinutes(1));

        f.Anki.EditNote(id, "Back", "hello");
        f.Anki.SetNoteTags(id, ["es", "greeting"]);
        f.Anki.RenameDeck("Lang", "Languages");
        f.Anki.MoveCards(f.Anki.Collection.FindNote(id)!.Cards.Select(c => c.Id), "Languages::Castellano");
        string media = f.Anki.AddMedia("audio.mp3", [9]);

        AnkiNoteInfo note = await f.NoteAsync(id);
        Assert.Equal("hello", note.GetField("Back"));
        Assert.Equal(["es", "greeting"], note.Tags);
        Assert.Equal(created + 60, note.Mod);
        Assert.Equal("Languages::Castellano", Assert.Single(await f.Client.CardsInfoAsync(note.Cards, Ct)).DeckName);
        Assert.Contains("Languages::Spanish", await f.Client.DeckNamesAsync(Ct));
        Assert.DoesNotContain("Lang", await f.Client.DeckNamesAsync(Ct));
        Assert.Equal([9], await f.Client.RetrieveMediaFileAsync(media, Ct));

        f.Anki.DeleteNote(id);
        Assert.Empty(await f.Client.NotesInfoAsync([id], Ct));
    }
}
