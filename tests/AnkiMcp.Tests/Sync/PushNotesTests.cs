using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

public sealed class PushNotesTests
{
    [Fact]
    public async Task PushNotes_SendsJustThoseNotes_InOneRequestOnceNoteTypesExist_AndReadsThemBack()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("Old?"));
        await world.SyncAsync();
        world.Write("Biology.md", world.Read("Biology.md") + "\n---\n\n<!-- note_key: aaaaaaaaaaa1 -->\nQ: New one?\nA: 1\n\n---\n\n<!-- note_key: aaaaaaaaaaa2 -->\nQ: New two?\nA: 2\n");
        world.Write("Draft.md", "<!-- note_key: aaaaaaaaaaa3 -->\nQ: Not approved yet?\nA: 3\n");
        world.Anki.ResetCounters();

        NotesPushResult result = await world.Engine.PushNotesAsync(["aaaaaaaaaaa1", "aaaaaaaaaaa2"], SyncWorld.Cancel);

        Assert.Equal(PushStatus.Pushed, result.Status);
        Assert.All(result.Notes, note => Assert.NotNull(note.NoteId));
        Assert.Equal(3, world.ManagedNotes().Count);
        Assert.Equal("Biology", world.NoteWithKey("aaaaaaaaaaa2").DeckName);
        // Look-up, the add, and the read-back that makes the add count as done.
        Assert.Equal(3, world.Anki.HttpRequestCount);
        SyncReport next = await world.SyncAsync();
        Assert.Equal(1, next.Plan.Count(SyncChangeKind.Create, SyncSide.Anki));
        Assert.Equal(4, world.ManagedNotes().Count);
    }

    [Fact]
    public async Task PushNotes_WhenAnkiIsAway_SaysTheNotesWaitForTheNextSync()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "<!-- note_key: aaaaaaaaaaa1 -->\nQ: New?\nA: 1\n");
        world.Anki.RefuseConnections();

        NotesPushResult result = await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);

        Assert.Equal(PushStatus.AnkiUnavailable, result.Status);
        Assert.Contains("next sync", result.Message, StringComparison.Ordinal);
        world.Anki.AcceptConnections();
        await world.SyncAsync();
        Assert.Equal("aaaaaaaaaaa1", Assert.Single(world.ManagedNotes()).Fields[NoteTypeDefinition.KeyFieldName]);
    }

    [Fact]
    public async Task PushNotes_AfterALostReply_LinksTheNoteAnkiAlreadyHas()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "<!-- note_key: aaaaaaaaaaa1 -->\nQ: New?\nA: 1\n");
        await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);
        File.Delete(world.Path(".ankimcp", "state.db"));

        NotesPushResult again = await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);

        Assert.Equal(PushStatus.Pushed, again.Status);
        Assert.Single(world.ManagedNotes());
        Assert.Equal(world.ManagedNotes()[0].Id, Assert.Single(again.Notes).NoteId);
    }

    [Fact]
    public async Task PushNotes_WhenAnkiHoldsAnOlderCopyUnderTheKey_DoesNotCallThemInStep()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "<!-- note_key: aaaaaaaaaaa1 -->\nQ: New?\nA: 1\n");
        await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);
        File.Delete(world.Path(".ankimcp", "state.db"));
        world.Anki.EditNote(world.NoteWithKey("aaaaaaaaaaa1").Id, "Answer", "edited in Anki");

        NotesPushResult again = await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);

        Assert.Equal(PushStatus.PartlyPushed, again.Status);
        PushedNote note = Assert.Single(again.Notes);
        Assert.Null(note.NoteId);
        Assert.Contains("run sync", note.Error, StringComparison.Ordinal);
        Assert.Equal("edited in Anki", world.NoteWithKey("aaaaaaaaaaa1").Fields["Answer"]);
        SyncReport next = await world.SyncAsync(new SyncOptions { DryRun = true });
        Assert.Equal(SyncChangeKind.Conflict, Assert.Single(next.Plan.Changes).Kind);
    }
}
