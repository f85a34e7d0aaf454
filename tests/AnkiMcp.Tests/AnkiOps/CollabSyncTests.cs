using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Sync;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary>Collab decks sync like the collection's own decks and stay where they are: expectations from AnkiOps'
/// <c>test_sync_collab_sources.py</c> (root and collab sync as one collection, edits go back to the collab file, a
/// collab note is never deleted for not being in a root file, cross-source moves are refused).</summary>
public sealed class CollabSyncTests
{
    private const string CollabQa = "collab/owner/repo/AnkiOpsQA";

    private static string CollabDeck(string key, string question, string answer) =>
        $"<!-- note_key: {key} -->\n<!-- note_type: {CollabQa} -->\nQ: {question}\nA: {answer}\n";

    private static List<(long Id, string Model, string Deck, string Question, string Key)> AnkiNotes(SyncWorld world) =>
        world.Anki.Inspect(collection => collection.Notes
            .OrderBy(note => note.Id)
            .Select(note => (note.Id, note.Model.Name, note.Cards[0].Deck.Name, note["Question"], note[NoteTypeDefinition.KeyFieldName]))
            .ToList());

    [Fact]
    public async Task RootAndCollabDecksSyncAsOneCollection_AndStayInTheirFiles()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        string collab = AnkiOpsFixture.AddCollabSource(world.Dir);
        world.Write("RootDeck.md", "<!-- note_key: root-key-1 -->\nQ: Root Q\nA: Root A\n");
        File.WriteAllText(Path.Combine(collab, "CollabDeck.md"), CollabDeck("collab-key-1", "Collab Q", "Collab A"));

        SyncReport first = await world.MarkdownToAnkiAsync();

        Assert.Equal(2, first.Plan.Changes.Count(change => change.Kind == SyncChangeKind.Create));
        Assert.Equal(
            [("AnkiMcpQA", "RootDeck", "Root Q", "root-key-1"), (CollabQa, "CollabDeck", "Collab Q", "collab-key-1")],
            AnkiNotes(world).Select(note => (note.Model, note.Deck, note.Question, note.Key)));

        long collabId = AnkiNotes(world)[1].Id;
        world.Anki.EditNote(collabId, "Answer", "New Collab A");
        SyncReport back = await world.SyncAsync();

        Assert.Equal(SyncChangeKind.Update, Assert.Single(back.Plan.Changes).Kind);
        Assert.Contains("A: New Collab A", File.ReadAllText(Path.Combine(collab, "CollabDeck.md")), StringComparison.Ordinal);
        Assert.False(File.Exists(world.Path("CollabDeck.md")));
        Assert.Empty((await world.MarkdownToAnkiAsync()).Plan.Changes);
        Assert.Empty((await world.AnkiToMarkdownAsync()).Plan.Changes);
        Assert.Empty((await world.SyncAsync()).Plan.Changes);
    }

    [Fact]
    public async Task AnkiOpsCollabNotesInAnki_AreNeitherDeletedNorCopied_ByTheFirstRunOfEachCommand()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        string collab = AnkiOpsFixture.AddCollabSource(world.Dir);
        File.WriteAllText(Path.Combine(collab, "CollabDeck.md"),
            CollabDeck("collab-key-1", "Collab Q", "Collab A") + "\n---\n\n" + CollabDeck("collab-key-2", "Not converted yet", "still a root type in Anki"));
        // As AnkiOps left them, with no AnkiMcp state in the folder: one note of the collab note type, and one still of
        // a root type (AnkiOps converts it on its next files-to-anki; AnkiMcp cannot convert and must leave it alone).
        world.Anki.CreateNoteType(CollabQa, ["Question", "Answer", "Extra", "More", "AI Notes", NoteTypeDefinition.KeyFieldName],
            [("Card 1", "{{Question}}", "{{FrontSide}}<hr id=answer>{{Answer}}")]);
        long collabId = world.Anki.AddNote("CollabDeck", CollabQa,
            new Dictionary<string, string> { ["Question"] = "Collab Q", ["Answer"] = "Collab A", [NoteTypeDefinition.KeyFieldName] = "collab-key-1" });
        world.Anki.CreateNoteType("AnkiMcpQA", ["Question", "Answer", "Extra", "More", NoteTypeDefinition.KeyFieldName],
            [("Card 1", "{{Question}}", "{{FrontSide}}<hr id=answer>{{Answer}}")]);
        long rootTypedId = world.Anki.AddNote("CollabDeck", "AnkiMcpQA",
            new Dictionary<string, string> { ["Question"] = "Not converted yet", ["Answer"] = "still a root type in Anki", [NoteTypeDefinition.KeyFieldName] = "collab-key-2" });

        foreach (Func<SyncOptions, Task<SyncReport>> run in new Func<SyncOptions, Task<SyncReport>>[] { world.SyncAsync, world.MarkdownToAnkiAsync, world.AnkiToMarkdownAsync })
        {
            SyncReport report = await run(new SyncOptions { DryRun = true });
            Assert.Empty(report.Plan.Changes);
            Assert.Contains(report.Warnings, warning => warning.Contains("collab-key-2", StringComparison.Ordinal) && warning.Contains("AnkiMcpQA in Anki", StringComparison.Ordinal));
        }
        await world.SyncAsync();
        await world.MarkdownToAnkiAsync();
        await world.AnkiToMarkdownAsync();

        Assert.Equal([collabId, rootTypedId], AnkiNotes(world).Select(note => note.Id));
        Assert.False(File.Exists(world.Path("CollabDeck.md")));
    }

    [Fact]
    public async Task ANewDeckOfACollabTypeInAnki_GetsItsFileInThatSource()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        string collab = AnkiOpsFixture.AddCollabSource(world.Dir);
        File.WriteAllText(Path.Combine(collab, "CollabDeck.md"), CollabDeck("collab-key-1", "Collab Q", "Collab A"));
        await world.MarkdownToAnkiAsync();

        world.Anki.AddNote("Collab Extra", CollabQa, new Dictionary<string, string> { ["Question"] = "Added in Anki", ["Answer"] = "there" });
        await world.AnkiToMarkdownAsync();

        Assert.Contains("Q: Added in Anki", File.ReadAllText(Path.Combine(collab, "Collab Extra.md")), StringComparison.Ordinal);
        Assert.False(File.Exists(world.Path("Collab Extra.md")));
    }

    [Fact]
    public async Task ACollabNoteMovedIntoARootDeckInAnki_IsRefused_AndNothingChanges()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        string collab = AnkiOpsFixture.AddCollabSource(world.Dir);
        world.Write("Private.md", "Q: Root Q\nA: Root A\n");
        string collabFile = Path.Combine(collab, "CollabDeck.md");
        File.WriteAllText(collabFile, CollabDeck("collab-key-1", "Collab Q", "Collab A"));
        await world.MarkdownToAnkiAsync();
        string privateBefore = world.Read("Private.md"), collabBefore = File.ReadAllText(collabFile);
        long collabId = AnkiNotes(world).Single(note => note.Model == CollabQa).Id;
        await world.Client.InvokeAsync("changeDeck", new { cards = world.Anki.Inspect(collection => collection.Notes.Single(note => note.Id == collabId).Cards.Select(card => card.Id).ToList()), deck = "Private" }, SyncWorld.Cancel);

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.AnkiToMarkdownAsync());

        Assert.Contains("notes cannot move between sources", refused.Message, StringComparison.Ordinal);
        Assert.Equal(privateBefore, world.Read("Private.md"));
        Assert.Equal(collabBefore, File.ReadAllText(collabFile));
    }
}
