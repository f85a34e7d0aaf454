using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

public sealed class TwoWaySyncTests
{
    private static async Task<SyncWorld> SyncedWorldAsync(params string[] questions)
    {
        SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck(questions.Length > 0 ? questions : ["What is ATP?", "What is DNA?"]));
        await world.SyncAsync();
        return world;
    }

    private static void ReplaceInFile(SyncWorld world, string file, string from, string to)
    {
        string text = world.Read(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        world.Write(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string EditOnBothSides(SyncWorld world)
    {
        string key = world.KeysIn("Biology.md")[0];
        ReplaceInFile(world, "Biology.md", "answer to What is ATP?", "Markdown answer");
        world.Anki.EditNote(world.NoteWithKey(key).Id, "Answer", "Anki answer");
        return key;
    }

    [Fact]
    public async Task EditsOnEachSide_ReachTheOtherSide()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        ReplaceInFile(world, "Biology.md", "answer to What is ATP?", "adenosine **triphosphate**");
        world.Anki.EditNote(world.NoteWithQuestion("What is DNA?").Id, "Answer", "deoxyribonucleic <b>acid</b>");
        world.Anki.SetNoteTags(world.NoteWithQuestion("What is DNA?").Id, ["genetics"]);

        SyncReport report = await world.SyncAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        Assert.Equal("adenosine <b>triphosphate</b>", world.NoteWithQuestion("What is ATP?").Fields["Answer"]);
        string deck = world.Read("Biology.md");
        Assert.Contains("A: deoxyribonucleic **acid**", deck, StringComparison.Ordinal);
        Assert.Contains("<!-- tags: genetics -->", deck, StringComparison.Ordinal);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task RepeatedNoOpSyncs_StayCheap_YetStillSeeTheNextAnkiEdit()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        await world.SyncAsync();
        world.Anki.ResetCounters();

        SyncReport quiet = await world.SyncAsync();
        int quietRequests = world.Anki.HttpRequestCount;
        world.Anki.EditNote(world.NoteWithQuestion("What is DNA?").Id, "Answer", "edited after a quiet sync");
        SyncReport edited = await world.SyncAsync();

        Assert.True(quiet.Plan.IsEmpty);
        Assert.InRange(quietRequests, 2, 3);
        Assert.Equal(1, edited.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        Assert.Contains("A: edited after a quiet sync", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedOnBothSides_KeepsBothVersions_UntilPreferSettlesIt()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        string key = EditOnBothSides(world);

        SyncReport first = await world.SyncAsync();
        SyncReport again = await world.SyncAsync();

        SyncChange conflict = Assert.Single(first.Plan.Conflicts);
        Assert.Equal(key, conflict.NoteKey);
        Assert.Single(again.Plan.Conflicts);
        Assert.Contains("A: Markdown answer", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Equal("Anki answer", world.NoteWithKey(key).Fields["Answer"]);
        string copy = world.Read(Path.Combine("conflicts", key + ".md"));
        Assert.Contains("A: Anki answer", copy, StringComparison.Ordinal);

        SyncReport settled = await world.SyncAsync(new SyncOptions { Prefer = ConflictPreference.Anki });

        Assert.Equal(1, settled.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        Assert.Contains("A: Anki answer", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.False(File.Exists(world.Path("conflicts", key + ".md")));
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task PreferMarkdown_SettlesAConflictInFavourOfTheFile()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        string key = EditOnBothSides(world);

        SyncReport report = await world.SyncAsync(new SyncOptions { Prefer = ConflictPreference.Markdown });

        Assert.Empty(report.Plan.Conflicts);
        Assert.Equal("Markdown answer", world.NoteWithKey(key).Fields["Answer"]);
        Assert.Contains("A: Markdown answer", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingANoteBetweenDeckFiles_MovesItsCardsInAnki_WithTheSameNoteId()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        string key = world.KeysIn("Biology.md")[1];
        long id = world.NoteWithKey(key).Id;
        string text = world.Read("Biology.md");
        int split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        world.Write("Biology.md", text[..split].TrimEnd() + "\n");
        world.Write("Genetics.md", text[(split + "\n---\n".Length)..].TrimStart());

        SyncReport report = await world.SyncAsync();

        SyncChange move = Assert.Single(report.Plan.Changes);
        Assert.Equal((SyncChangeKind.Move, SyncSide.Anki, "Genetics"), (move.Kind, move.Target, move.DeckName));
        AnkiSideNote moved = world.NoteWithKey(key);
        Assert.Equal((id, "Genetics"), (moved.Id, moved.DeckName));
        Assert.Equal(2, world.ManagedNotes().Count);
    }

    [Fact]
    public async Task MovingCardsInAnki_MovesTheNoteToThatDecksFile()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        string key = world.KeysIn("Biology.md")[1];
        long id = world.NoteWithKey(key).Id;
        world.Anki.MoveCards(world.Anki.Inspect(collection => collection.FindNote(id)!.Cards.Select(card => card.Id).ToList()), "Genetics::DNA");

        SyncReport report = await world.SyncAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Move, SyncSide.Markdown));
        Assert.Equal([key], world.KeysIn("Genetics__DNA.md"));
        Assert.DoesNotContain(key, world.KeysIn("Biology.md"));
        Assert.Single(world.KeysIn("Biology.md"));
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task Deletions_PropagateBothWays()
    {
        await using SyncWorld world = await SyncedWorldAsync("One?", "Two?", "Three?");
        IReadOnlyList<string> keys = world.KeysIn("Biology.md");
        world.Anki.DeleteNote(world.NoteWithKey(keys[0]).Id);
        string text = world.Read("Biology.md");
        int last = text.LastIndexOf("\n---\n", StringComparison.Ordinal);
        world.Write("Biology.md", text[..last].TrimEnd() + "\n");

        SyncReport report = await world.SyncAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Delete, SyncSide.Markdown));
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Delete, SyncSide.Anki));
        Assert.Equal([keys[1]], world.KeysIn("Biology.md"));
        Assert.Equal(keys[1], Assert.Single(world.ManagedNotes()).Fields[NoteTypeDefinition.KeyFieldName]);
        using SyncStateStore state = SyncStateStore.Open(world.Dir);
        Assert.Equal([keys[1]], state.LoadNotes().Keys);
    }

    [Fact]
    public async Task DeletingMostOfADeck_StopsAndAsks_ThenGoesThroughWithAllowDeletes()
    {
        await using SyncWorld world = await SyncedWorldAsync([.. Enumerable.Range(1, 10).Select(i => $"Question {i}?")]);
        string text = world.Read("Biology.md");
        world.Write("Biology.md", string.Join("\n---\n", text.Split("\n---\n").Take(2)).TrimEnd() + "\n");
        string trimmed = world.Read("Biology.md");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("--allow-deletes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("8 of 10", refused.Message, StringComparison.Ordinal);
        Assert.Equal(10, world.ManagedNotes().Count);
        Assert.Equal(trimmed, world.Read("Biology.md"));

        SyncReport allowed = await world.SyncAsync(new SyncOptions { AllowDeletes = true });

        Assert.Equal(8, allowed.Plan.Count(SyncChangeKind.Delete, SyncSide.Anki));
        Assert.Equal(2, world.ManagedNotes().Count);
    }

    [Fact]
    public async Task ANoteAddedInAnki_AppearsInItsDeckFile_WithAKeyWrittenToTheHiddenField()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        world.Anki.CreateDeck("Chemistry");
        long id = world.Anki.AddNote("Chemistry", "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = "What is H2O?", ["Answer"] = "Water" }, ["lab"]);

        SyncReport report = await world.SyncAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Create, SyncSide.Markdown));
        string key = Assert.Single(world.KeysIn("Chemistry.md"));
        Assert.Equal(key, world.Anki.Inspect(collection => collection.FindNote(id)![NoteTypeDefinition.KeyFieldName]));
        string deck = world.Read("Chemistry.md");
        Assert.Contains("Q: What is H2O?", deck, StringComparison.Ordinal);
        Assert.Contains("<!-- tags: lab -->", deck, StringComparison.Ordinal);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
        Assert.Equal(3, world.ManagedNotes().Count);
    }

    [Fact]
    public async Task AnAnkiDeckNameNoFileCanCarry_StopsTheRun_BeforeAnythingChanges()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        string deck = world.Read("Biology.md");
        string tipBefore = GitTip(world);
        ReplaceInFile(world, "Biology.md", "answer to What is ATP?", "adenosine triphosphate");
        string edited = world.Read("Biology.md");
        world.Anki.CreateDeck("Languages::_Intro");
        world.Anki.AddNote("Languages::_Intro", "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = "Hola?", ["Answer"] = "Hello" });

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("'Languages::_Intro'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Rename the deck in Anki", refused.Message, StringComparison.Ordinal);
        Assert.Equal(edited, world.Read("Biology.md"));
        Assert.NotEqual(deck, edited);
        Assert.Single(Directory.GetFiles(world.Dir, "*.md"));
        // A run refused before it changes anything takes no snapshot either, and leaves git whole.
        Assert.Equal(tipBefore, GitTip(world));
        Assert.Empty(Directory.GetFiles(world.Path(".git"), "*.lock", SearchOption.AllDirectories));
    }

    private static string GitTip(SyncWorld world)
    {
        using LibGit2Sharp.Repository repository = new(world.Dir);
        return repository.Head.Tip.Sha;
    }

    [Fact]
    public async Task AnkiToMarkdown_MakesTheFolderMatchAnki_EvenOverMarkdownEdits()
    {
        await using SyncWorld world = await SyncedWorldAsync();
        ReplaceInFile(world, "Biology.md", "answer to What is ATP?", "local edit");

        SyncReport report = await world.AnkiToMarkdownAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        Assert.Contains("A: answer to What is ATP?", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Equal(0, report.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
    }
}
