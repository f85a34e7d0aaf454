using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;
using LibGit2Sharp;

namespace AnkiMcp.Tests.Sync;

public sealed class SyncRecoveryTests
{
    [Fact]
    public async Task AnkiGoingAwayHalfway_LeavesFilesAndStateConsistent_AndTheNextSyncFinishesWithoutDuplicates()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?", "Two?", "Three?"));
        await world.SyncAsync();
        string edited = world.Read("Biology.md").Replace("answer to One?", "first", StringComparison.Ordinal)
            + "\n---\n\n" + SyncWorld.QaDeck("Four?", "Five?");
        world.Write("Biology.md", edited);
        world.Anki.DropConnectionOnAction("addNotes", thenRefuseConnections: true);

        await Assert.ThrowsAsync<AnkiUnavailableException>(() => world.SyncAsync());

        Assert.Equal(5, world.KeysIn("Biology.md").Count);
        Assert.Equal("first", world.NoteWithQuestion("One?").Fields["Answer"]);
        Assert.Equal(3, world.ManagedNotes().Count);
        using (SyncStateStore state = SyncStateStore.Open(world.Dir))
            Assert.Equal(3, state.LoadNotes().Count);

        world.Anki.AcceptConnections();
        world.Anki.ResetCounters();
        SyncReport resumed = await world.SyncAsync();

        Assert.Equal(2, resumed.Plan.Count(SyncChangeKind.Create, SyncSide.Anki));
        Assert.Equal(0, resumed.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal(5, world.ManagedNotes().Count);
        Assert.Equal(world.KeysIn("Biology.md").Order(StringComparer.Ordinal),
            world.ManagedNotes().Select(note => note.Fields[NoteTypeDefinition.KeyFieldName]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LostStateDatabase_IsRebuiltFromTheHiddenKeys_WithoutDuplicatesOrChanges()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?", "Two?"));
        await world.MarkdownToAnkiAsync();
        File.Delete(world.Path(".ankimcp", "state.db"));

        SyncReport report = await world.SyncAsync();

        Assert.True(report.Plan.IsEmpty);
        Assert.Equal(2, world.ManagedNotes().Count);
        using SyncStateStore state = SyncStateStore.Open(world.Dir);
        Assert.Equal(world.KeysIn("Biology.md").Order(StringComparer.Ordinal), state.LoadNotes().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("User 1", state.ProfileName);
    }

    [Fact]
    public async Task ASyncThatChangesFiles_CommitsThemWithGitFirst_UnlessToldNotTo()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?"));
        string original = world.Read("Biology.md");

        SyncReport report = await world.MarkdownToAnkiAsync();

        Assert.NotNull(report.SnapshotCommit);
        using (Repository repository = new(world.Dir))
        {
            Assert.Equal("ankimcp: snapshot before markdown-to-anki", repository.Head.Tip.MessageShort);
            Assert.Equal(original, ((Blob)repository.Head.Tip["Biology.md"].Target).GetContentText());
            Assert.Null(repository.Head.Tip[".ankimcp/state.db"]);
        }

        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to One?", "edited", StringComparison.Ordinal));
        SyncReport skipped = await world.SyncAsync(new SyncOptions { AutoCommit = false });

        Assert.Null(skipped.SnapshotCommit);
        using Repository after = new(world.Dir);
        Assert.Single(after.Commits);
    }
    [Fact]
    public async Task TheSnapshot_IsTakenBeforeKeysGoIn_WithAnIndexThatAgreesWithIt()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?", "Two?"));
        world.Write("Chemistry.md", SyncWorld.QaDeck("Three?"));
        string biology = world.Read("Biology.md");
        string chemistry = world.Read("Chemistry.md");

        SyncReport report = await world.SyncAsync();

        using Repository repository = new(world.Dir);
        Assert.Equal(report.SnapshotCommit, repository.Head.Tip.Sha);
        Assert.Equal(biology, ((Blob)repository.Head.Tip["Biology.md"].Target).GetContentText());
        Assert.Equal(chemistry, ((Blob)repository.Head.Tip["Chemistry.md"].Target).GetContentText());
        Assert.Equal(3, world.KeysIn("Biology.md").Count + world.KeysIn("Chemistry.md").Count);
        // What is staged is what was committed: only the keys the sync wrote since show, as changes in the folder.
        Assert.Empty(repository.Diff.Compare<TreeChanges>(repository.Head.Tip.Tree, DiffTargets.Index));
        Assert.Equal(FileStatus.ModifiedInWorkdir, repository.RetrieveStatus("Biology.md"));
    }

    [Fact]
    public async Task ADryRun_AndARunThatChangesNothing_LeaveTheRepositoryAsItWas()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?"));

        await world.MarkdownToAnkiAsync(new SyncOptions { DryRun = true });

        Assert.False(Directory.Exists(world.Path(".git")));
        await world.MarkdownToAnkiAsync();
        world.Write("draft.txt", "the user's own staged work");
        using (Repository repository = new(world.Dir))
            Commands.Stage(repository, "draft.txt");
        string[] gitFiles = GitFiles(world.Dir);
        byte[] index = File.ReadAllBytes(world.Path(".git", "index"));

        SyncReport nothing = await world.MarkdownToAnkiAsync();

        Assert.True(nothing.Plan.IsEmpty);
        Assert.Null(nothing.SnapshotCommit);
        Assert.Equal(gitFiles, GitFiles(world.Dir));
        Assert.Equal(index, File.ReadAllBytes(world.Path(".git", "index")));
    }

    [Fact]
    public async Task ARefusedRun_InAFolderWithoutRepository_MakesNone()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("One?"));
        await world.MarkdownToAnkiAsync(new SyncOptions { AutoCommit = false });
        world.Write("Biology.md", world.Read("Biology.md") + "\n---\n\n" + SyncWorld.QaDeck("Two?"));
        world.Anki.CreateDeck("Languages::_Intro");
        world.Anki.AddNote("Languages::_Intro", "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = "Hola?", ["Answer"] = "Hello" });

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("'Languages::_Intro'", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(world.Path(".git")));
    }

    private static string[] GitFiles(string directory) =>
        [.. Directory.EnumerateFiles(Path.Combine(directory, ".git"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
