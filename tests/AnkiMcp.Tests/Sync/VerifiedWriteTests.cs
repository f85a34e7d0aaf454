using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>A write is done when it has been read back: a note open in Anki's Browser ignores updates without an
/// error, and the sync must neither call it synced nor later take Anki's stale copy over the person's edit.</summary>
public sealed class VerifiedWriteTests
{
    private static async Task<(SyncWorld World, string Key, long NoteId)> SyncedWorldAsync()
    {
        SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        await world.SyncAsync();
        string key = world.KeysIn("Biology.md")[0];
        return (world, key, world.NoteWithKey(key).Id);
    }

    private static void EditAnswerInMarkdown(SyncWorld world, string answer) =>
        world.Write("Biology.md", world.Read("Biology.md").Replace("A: answer to What is ATP?", "A: " + answer, StringComparison.Ordinal));

    [Fact]
    public async Task BrowserOpenDuringASync_ThenClosed_TheSecondSyncLeavesBothSidesWithThePersonsEdit()
    {
        (SyncWorld world, string key, long id) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        await world.Client.InvokeAsync("guiBrowse", new { query = $"nid:{id}" }, SyncWorld.Cancel);
        EditAnswerInMarkdown(world, "energy currency");

        SyncReport blocked = await world.SyncAsync();

        Assert.Equal(SyncOutcome.NotSynced, blocked.Outcome);
        UnsyncedNote note = Assert.Single(blocked.NotSynced);
        Assert.Equal((key, "Biology", "What is ATP?"), (note.NoteKey, note.DeckName, note.Summary));
        Assert.Contains("Browser", note.Reason, StringComparison.Ordinal);
        Assert.Contains("Close Anki's Browser", note.WhatToDo, StringComparison.Ordinal);
        Assert.Empty(blocked.Plan.Changes);
        Assert.Equal(0, world.Anki.ActionCount("updateNote"));
        Assert.Equal("answer to What is ATP?", world.NoteWithKey(key).Fields["Answer"]);

        world.Anki.CloseBrowser();
        SyncReport second = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, second.Outcome);
        Assert.Equal(1, second.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal("energy currency", world.NoteWithKey(key).Fields["Answer"]);
        Assert.Contains("A: energy currency", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task BrowserOpenedJustBeforeTheWrite_TheReadBackCatchesTheDroppedUpdate_AndTheNextSyncPushesAgain()
    {
        (SyncWorld world, string key, long id) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        EditAnswerInMarkdown(world, "energy currency");
        world.Anki.BrowseNoteBefore("updateNote", id);
        world.Anki.ResetCounters();

        SyncReport dropped = await world.SyncAsync();

        Assert.Equal(1, world.Anki.ActionCount("updateNote"));
        Assert.Equal(2, world.Anki.ActionCount("notesInfo")); // the edited note read before, then read back after the write
        Assert.Equal(SyncOutcome.NotSynced, dropped.Outcome);
        UnsyncedNote note = Assert.Single(dropped.NotSynced);
        Assert.Equal(key, note.NoteKey);
        Assert.Contains("read back", note.Reason, StringComparison.Ordinal);
        Assert.Equal("answer to What is ATP?", world.NoteWithKey(key).Fields["Answer"]);

        world.Anki.CloseBrowser();
        SyncReport second = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, second.Outcome);
        Assert.Equal("energy currency", world.NoteWithKey(key).Fields["Answer"]);
        Assert.Contains("A: energy currency", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATagEditDroppedByAnki_IsCaughtByTheReadBack_AndTheNextSyncPushesItAgain()
    {
        (SyncWorld world, string key, long id) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        world.Write("Biology.md", world.Read("Biology.md").Replace("Q: What is ATP?", "<!-- tags: cells -->\nQ: What is ATP?", StringComparison.Ordinal));
        Assert.Equal(SyncOutcome.InStep, (await world.SyncAsync()).Outcome);
        // As many tags as Anki holds, other ones: only a comparison of the tags themselves tells the write was lost.
        world.Write("Biology.md", world.Read("Biology.md").Replace("tags: cells", "tags: energy", StringComparison.Ordinal));
        world.Anki.BrowseNoteBefore("updateNote", id);

        SyncReport dropped = await world.SyncAsync();

        Assert.Equal(SyncOutcome.NotSynced, dropped.Outcome);
        Assert.Equal(key, Assert.Single(dropped.NotSynced).NoteKey);
        Assert.Contains("read back", dropped.NotSynced[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["cells"], world.NoteWithKey(key).Tags);

        world.Anki.CloseBrowser();
        Assert.Equal(SyncOutcome.InStep, (await world.SyncAsync()).Outcome);
        Assert.Equal(["energy"], world.NoteWithKey(key).Tags);
    }

    // Anki sorts tags ignoring case and gives a tag the case it already knows: the same tags, a kept write.
    [Fact]
    public async Task TagsAnkiSortsAndCasesItsOwnWay_AreAKeptWrite()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        await world.Client.AddNoteAsync(new("Default", "Basic", new Dictionary<string, string> { ["Front"] = "f", ["Back"] = "b" }, ["Biology"]), SyncWorld.Cancel);
        world.Write("Biology.md", "<!-- tags: biology Zeta alpha -->\n" + SyncWorld.QaDeck("What is ATP?"));

        SyncReport report = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, report.Outcome);
        Assert.Empty(report.NotSynced);
        Assert.Equal(["alpha", "Biology", "Zeta"], world.NoteWithKey(world.KeysIn("Biology.md")[0]).Tags);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task OneOfTwoEditsHeldByTheBrowser_TheOtherSyncs_AndTheFirstLineSaysNotInStep()
    {
        (SyncWorld world, string key, long id) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        await world.Client.InvokeAsync("guiBrowse", new { query = $"nid:{id}" }, SyncWorld.Cancel);
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to", "reply to", StringComparison.Ordinal));

        SyncReport report = await world.SyncAsync();
        string firstLine = AnkiMcp.Cli.SyncReportPrinter.ToPlainText(report).Split(Environment.NewLine)[0];

        Assert.Equal(SyncOutcome.NotSynced, report.Outcome);
        Assert.Equal(key, Assert.Single(report.NotSynced).NoteKey);
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal("sync: 1 update in Anki; NOT in step: 1 note not synced", firstLine);
    }

    [Fact]
    public async Task DryRun_SaysWhichNoteTheBrowserHolds_AndWritesNothing()
    {
        (SyncWorld world, string key, long id) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        await world.Client.InvokeAsync("guiBrowse", new { query = $"nid:{id}" }, SyncWorld.Cancel);
        EditAnswerInMarkdown(world, "energy currency");

        SyncReport plan = await world.SyncAsync(new SyncOptions { DryRun = true });

        Assert.Equal(key, Assert.Single(plan.NotSynced).NoteKey);
        Assert.Contains("would not be written", plan.NotSynced[0].Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Plan.Changes);
    }

    [Fact]
    public async Task WrittenNotes_AreReadBackInOneRequest_AndTheNextNoOpSyncStaysCheap()
    {
        (SyncWorld world, _, _) = await SyncedWorldAsync();
        await using SyncWorld disposing = world;
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to", "reply to", StringComparison.Ordinal));
        world.Anki.ResetCounters();

        SyncReport edited = await world.SyncAsync();
        int editRequests = world.Anki.HttpRequestCount;
        await world.SyncAsync();
        world.Anki.ResetCounters();
        SyncReport quiet = await world.SyncAsync();

        Assert.Equal(2, edited.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal(SyncOutcome.InStep, edited.Outcome);
        Assert.Equal(2, world.ManagedNotes().Count(note => note.Fields["Answer"].StartsWith("reply to", StringComparison.Ordinal)));
        Assert.InRange(editRequests, 3, 5);
        Assert.True(quiet.Plan.IsEmpty);
        Assert.InRange(world.Anki.HttpRequestCount, 1, 3);
    }
}
