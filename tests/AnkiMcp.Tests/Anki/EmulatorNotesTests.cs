using System.Text.Json;
using AnkiMcp.Core.Anki;
using static AnkiMcp.Tests.Anki.EmulatorFixture;

namespace AnkiMcp.Tests.Anki;

/// <summary>Anki's note rules as the emulator applies them: duplicates, empty and cloze checks, cards, tags, mod times.</summary>
public sealed class EmulatorNotesTests
{
    [Fact]
    public async Task Duplicate_IsTheHtmlStrippedFirstFieldWithinTheSameNoteType()
    {
        await using var f = await StartAsync();
        await f.Client.AddNoteAsync(Basic("<b>capital</b> of France"), Ct);

        IReadOnlyList<AnkiCanAddResult> results = await f.Client.CanAddNotesWithErrorDetailAsync(
        [
            Basic("capital of France"),
            Note("Basic (and reversed card)", "Default", new Dictionary<string, string> { ["Front"] = "capital of France" }),
            Basic("capital of France") with { AllowDuplicate = true },
            Basic("capital of Spain"),
        ], Ct);

        Assert.Equal(
        [
            new AnkiCanAddResult(false, "cannot create note because it is a duplicate"),
            new AnkiCanAddResult(true, null),
            new AnkiCanAddResult(true, null),
            new AnkiCanAddResult(true, null),
        ], results);
    }

    [Theory]
    [InlineData("Basic", "Default", "", "cannot create note because it is empty")]
    [InlineData("Basic", "Default", "<br>", "cannot create note because it is empty")]
    [InlineData("Basic", "Default", "a {{c1::cloze}} in a basic note", "cannot create note for unknown reason")]
    [InlineData("Cloze", "Default", "no cloze here", "cannot create note for unknown reason")]
    [InlineData("NoSuchType", "NoSuchDeck", "x", "model was not found: NoSuchType")]
    [InlineData("Basic", "NoSuchDeck", "x", "deck was not found: NoSuchDeck")]
    public async Task AddNote_RefusesWithTheAddOnsMessage(string model, string deck, string firstField, string error)
    {
        await using var f = await StartAsync();
        string firstName = model == "Cloze" ? "Text" : "Front";

        AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.AddNoteAsync(Note(model, deck, new Dictionary<string, string> { [firstName] = firstField }), Ct));

        Assert.Equal(error, e.AnkiError);
        Assert.Equal("addNote", e.Action);
        Assert.Empty(f.Anki.Collection.Notes);
    }

    [Fact]
    public async Task ClozeInBackExtra_IsRefused_ButAllowedWithTheAddOnsDeckScope()
    {
        await using var f = await StartAsync();

        AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.AddNoteAsync(Cloze("{{c1::a}}", "{{c2::b}}"), Ct));
        JsonElement added = await f.Client.InvokeAsync("addNote", new
        {
            note = new
            {
                deckName = "Default",
                modelName = "Cloze",
                fields = new Dictionary<string, string> { ["Text"] = "no cloze at all" },
                options = new { duplicateScope = "deck" },
            },
        }, Ct);

        Assert.Equal("cannot create note for unknown reason", e.AnkiError);
        Assert.Single((await f.NoteAsync(added.GetInt64())).Cards);
    }

    [Fact]
    public async Task Cards_OnePerClozeNumber_OnePerTemplate_AndOptionalTemplatesOnlyWhenFilled()
    {
        await using var f = await StartAsync();

        long cloze = await f.Client.AddNoteAsync(Cloze("{{c1::Paris}} is in {{c3::France::country}}, {{c1::on the Seine}}"), Ct);
        long reversed = await f.Client.AddNoteAsync(
            Note("Basic (and reversed card)", "Default", new Dictionary<string, string> { ["Front"] = "f", ["Back"] = "b" }), Ct);
        long optional = await f.Client.AddNoteAsync(
            Note("Basic (optional reversed card)", "Default", new Dictionary<string, string> { ["Front"] = "f", ["Back"] = "b" }), Ct);

        IReadOnlyList<AnkiCardInfo> clozeCards = await f.Client.CardsInfoAsync((await f.NoteAsync(cloze)).Cards, Ct);
        Assert.Equal([0, 2], clozeCards.Select(c => c.Ord));
        Assert.Equal(2, (await f.NoteAsync(reversed)).Cards.Count);
        Assert.Single((await f.NoteAsync(optional)).Cards);

        await f.Client.UpdateNoteFieldsAsync(optional, new Dictionary<string, string> { ["Add Reverse"] = "y" }, Ct);
        Assert.Equal(2, (await f.NoteAsync(optional)).Cards.Count);
    }

    [Fact]
    public async Task FieldNames_MatchIgnoringCaseOnAdd_ButExactlyOnUpdate_AndUnknownNamesAreDropped()
    {
        await using var f = await StartAsync();
        long id = await f.Client.AddNoteAsync(Note("Basic", "Default", new Dictionary<string, string> { ["front"] = "q", ["BACK"] = "a", ["Extra"] = "x" }), Ct);

        await f.Client.UpdateNoteFieldsAsync(id, new Dictionary<string, string> { ["front"] = "ignored", ["Back"] = "answer" }, Ct);

        AnkiNoteInfo note = await f.NoteAsync(id);
        Assert.Equal(["q", "answer"], note.Fields.Select(x => x.Value));
    }

    [Fact]
    public async Task Mod_MovesOnlyWhenSomethingChanged()
    {
        await using var f = await StartAsync(new AnkiConnectEmulator.EmulatorOptions { Clock = new FrozenClock(DateTimeOffset.UnixEpoch.AddYears(56)) });
        long id = await f.Client.AddNoteAsync(Basic("q", "a", "Default", "t"), Ct);
        long created = (await f.NoteAsync(id)).Mod!.Value;
        f.Anki.AdvanceClock(TimeSpan.FromSeconds(10));

        await f.Client.UpdateNoteAsync(id, new Dictionary<string, string> { ["Front"] = "q", ["Back"] = "a" }, ["t"], Ct);
        long unchanged = (await f.NoteAsync(id)).Mod!.Value;
        await f.Client.UpdateNoteFieldsAsync(id, new Dictionary<string, string> { ["Back"] = "a2" }, Ct);
        long edited = (await f.NoteAsync(id)).Mod!.Value;
        f.Anki.AdvanceClock(TimeSpan.FromSeconds(10));
        await f.Client.AddTagsAsync([id], ["new"], Ct);
        long tagged = (await f.NoteAsync(id)).Mod!.Value;

        Assert.Equal(created, unchanged);
        Assert.Equal(created + 10, edited);
        Assert.Equal(created + 20, tagged);
    }

    [Fact]
    public async Task Tags_AreCanonical_DeduplicatedSortedAndRecasedToExistingTags()
    {
        await using var f = await StartAsync();
        long first = await f.Client.AddNoteAsync(Basic("1", "a", "Default", "b", "Alpha", "alpha", "B::c"), Ct);
        long second = await f.Client.AddNoteAsync(Basic("2", "a", "Default", "ALPHA", "zed"), Ct);

        await f.Client.RemoveTagsAsync([first], ["B"], Ct);
        await f.Client.AddTagsAsync([second], ["x y"], Ct);

        Assert.Equal(["Alpha", "B::c"], (await f.NoteAsync(first)).Tags);
        Assert.Equal(["Alpha", "x", "y", "zed"], (await f.NoteAsync(second)).Tags);
        Assert.Equal(["Alpha", "b", "B::c", "x", "y", "zed"], await f.Client.GetTagsAsync(Ct));
    }

    [Fact]
    public async Task NotesInfo_ByQuery_LeavesOutUnknownIds_AndNeedsNotesOrQuery()
    {
        await using var f = await StartAsync();
        long id = await f.Client.AddNoteAsync(Basic("q"), Ct);

        Assert.Equal([id], (await f.Client.NotesInfoAsync("Front:q", Ct)).Select(n => n.NoteId));
        Assert.Equal([id], (await f.Client.NotesInfoAsync([123, id], Ct)).Select(n => n.NoteId));
        AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() => f.Client.InvokeAsync("notesInfo", new { }, Ct));
        Assert.Equal("Must provide either \"notes\" or a \"query\"", e.AnkiError);
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownNote()
    {
        await using var f = await StartAsync();
        long id = await f.Client.AddNoteAsync(Basic("q"), Ct);
        long card = (await f.NoteAsync(id)).Cards[0];

        AnkiConnectException missing = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.UpdateNoteAsync(42, null, ["x"], Ct));
        await f.Client.DeleteNotesAsync([id, 42], Ct);

        Assert.Equal("Note was not found: 42", missing.AnkiError);
        Assert.Empty(await f.Client.NotesInfoAsync([id], Ct));
        Assert.Empty(await f.Client.CardsInfoAsync([card], Ct));
        Assert.Empty(f.Anki.Collection.Cards);
    }

    [Fact]
    public async Task Decks_ParentsAreCreated_CardsMove_AndDeletingTakesTheCards()
    {
        await using var f = await StartAsync();
        long deckId = await f.Client.CreateDeckAsync("A::B::C", Ct);
        Assert.Equal(deckId, await f.Client.CreateDeckAsync("a::b::c", Ct));
        long id = await f.Client.AddNoteAsync(Basic("q", deck: "A::B::C"), Ct);
        long card = (await f.NoteAsync(id)).Cards[0];

        await f.Client.ChangeDeckAsync([card], "Z::New", Ct);
        IReadOnlyDictionary<string, IReadOnlyList<long>> decks = await f.Client.GetDecksAsync([card], Ct);
        Assert.Equal(["A", "A::B", "A::B::C", "Default", "Z", "Z::New"], await f.Client.DeckNamesAsync(Ct));

        await f.Client.DeleteDecksAsync(["Z", "Unknown"], Ct);

        Assert.Equal([card], decks["Z::New"]);
        Assert.Equal(["A", "A::B", "A::B::C", "Default"], await f.Client.DeckNamesAsync(Ct));
        Assert.Empty(f.Anki.Collection.Notes);
    }
}
