using AnkiMcp.Core.Anki;
using static AnkiMcp.Tests.Anki.EmulatorFixture;

namespace AnkiMcp.Tests.Anki;

/// <summary>The emulator's Anki search, through findNotes/findCards.</summary>
public sealed class EmulatorSearchTests
{
    /// <summary>spanish: Basic in Lang::Spanish; french: Basic in Lang::French; cloze: Cloze in Default; keyed: a note type with an AnkiOps Key in "Lang Notes".</summary>
    private static async Task<(EmulatorFixture Fixture, Dictionary<long, string> Names)> ArrangeAsync()
    {
        EmulatorFixture f = await StartAsync();
        f.Anki.CreateNoteType("QA", ["Q", "A", "AnkiOps Key"], [("Card 1", "{{Q}}", "{{A}}")]);
        await f.Client.CreateDeckAsync("Lang::Spanish", Ct);
        await f.Client.CreateDeckAsync("Lang::French", Ct);
        await f.Client.CreateDeckAsync("Lang Notes", Ct);
        var names = new Dictionary<long, string>
        {
            [await f.Client.AddNoteAsync(Basic("hola", "hello", "Lang::Spanish", "spanish", "greeting"), Ct)] = "spanish",
            [await f.Client.AddNoteAsync(Basic("bonjour", "hello", "Lang::French", "french", "greeting::formal"), Ct)] = "french",
            [await f.Client.AddNoteAsync(Cloze("The {{c1::sun}} is {{c2::hot}}"), Ct)] = "cloze",
            [await f.Client.AddNoteAsync(Note("QA", "Lang Notes", new Dictionary<string, string>
            {
                ["Q"] = "Why (really)?", ["A"] = "Because: reasons", ["AnkiOps Key"] = "abc123def456",
            }), Ct)] = "keyed",
        };
        return (f, names);
    }

    [Theory]
    [InlineData("", "spanish french cloze keyed")]
    [InlineData("hello", "spanish french")]
    [InlineData("HELLO", "spanish french")]
    [InlineData("h_t}}", "cloze")]
    [InlineData("hel*o", "spanish french")]
    [InlineData("deck:Lang", "spanish french")]
    [InlineData("deck:lang::spanish", "spanish")]
    [InlineData("deck:Lang*", "spanish french keyed")]
    [InlineData("\"deck:Lang Notes\"", "keyed")]
    [InlineData("deck:\"Lang Notes\"", "keyed")]
    [InlineData("deck:current", "cloze")]
    [InlineData("note:Basic", "spanish french")]
    [InlineData("note:cloze", "cloze")]
    [InlineData("tag:greeting", "spanish french")]
    [InlineData("tag:greeting::formal", "french")]
    [InlineData("tag:gree*", "spanish french")]
    [InlineData("tag:none", "cloze keyed")]
    [InlineData("\"AnkiOps Key:abc123def456\"", "keyed")]
    [InlineData("\"ankiops key:abc*\"", "keyed")]
    [InlineData("\"AnkiOps Key:abc\"", "")]
    [InlineData("Front:hola", "spanish")]
    [InlineData("front:HOL*", "spanish")]
    [InlineData("\"Back Extra:\"", "cloze")]
    [InlineData("Back:", "")]
    [InlineData("\"Why (really)?\"", "keyed")]
    [InlineData("-tag:greeting", "cloze keyed")]
    [InlineData("hola OR bonjour", "spanish french")]
    [InlineData("hola or sun or nothing", "spanish cloze")]
    [InlineData("hello -deck:Lang::French", "spanish")]
    [InlineData("hello and tag:french", "french")]
    [InlineData("(hola OR bonjour) tag:french", "french")]
    [InlineData("-(hola OR bonjour)", "cloze keyed")]
    [InlineData("hello OR sun tag:none", "spanish french cloze")]
    [InlineData("is:new", "spanish french cloze keyed")]
    [InlineData("is:suspended", "")]
    [InlineData("added:1", "spanish french cloze keyed")]
    [InlineData("card:2", "cloze")]
    [InlineData("Because\\:", "keyed")]
    public async Task Query_FindsTheExpectedNotes(string query, string expected)
    {
        var (f, names) = await ArrangeAsync();
        await using (f)
        {
            IReadOnlyList<long> found = await f.Client.FindNotesAsync(query, Ct);

            Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), found.Select(id => names[id]).Order());
        }
    }

    [Fact]
    public async Task IdSearches_AndCardSearches()
    {
        var (f, names) = await ArrangeAsync();
        await using (f)
        {
            long spanish = names.Single(n => n.Value == "spanish").Key;
            long cloze = names.Single(n => n.Value == "cloze").Key;
            AnkiNoteInfo clozeNote = await f.NoteAsync(cloze);

            Assert.Equal([spanish, cloze], (await f.Client.FindNotesAsync($"nid:{spanish},{cloze}", Ct)).Order());
            Assert.Equal([clozeNote.Cards[1]], await f.Client.FindCardsAsync($"cid:{clozeNote.Cards[1]}", Ct));
            Assert.Equal(clozeNote.Cards, (await f.Client.FindCardsAsync("note:Cloze", Ct)).Order());
            Assert.Equal([cloze], await f.Client.FindNotesAsync($"did:{EmulatorCollectionDefaultDeck}", Ct));
        }
    }

    [Fact]
    public async Task Added_CountsDaysBackFromNow()
    {
        var (f, _) = await ArrangeAsync();
        await using (f)
        {
            f.Anki.AdvanceClock(TimeSpan.FromDays(3));
            long recent = await f.Client.AddNoteAsync(Basic("new one"), Ct);

            Assert.Equal([recent], await f.Client.FindNotesAsync("added:1", Ct));
            Assert.Equal(5, (await f.Client.FindNotesAsync("added:4", Ct)).Count);
        }
    }

    [Theory]
    [InlineData("(hola")]
    [InlineData("hola)")]
    [InlineData("\"unclosed")]
    [InlineData("()")]
    [InlineData("or hola")]
    [InlineData("hola and")]
    [InlineData("nid:abc")]
    [InlineData(":x")]
    [InlineData("added:x")]
    [InlineData("is:bogus")]
    [InlineData("\\q")]
    public async Task BadQuery_IsAnInvalidSearchError(string query)
    {
        await using var f = await StartAsync();

        AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() => f.Client.FindNotesAsync(query, Ct));

        Assert.StartsWith("Invalid search: ", e.AnkiError, StringComparison.Ordinal);
    }

    private const long EmulatorCollectionDefaultDeck = AnkiConnectEmulator.EmulatorCollection.DefaultDeckId;
}
