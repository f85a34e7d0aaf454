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
}
