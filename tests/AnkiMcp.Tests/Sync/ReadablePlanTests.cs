using AnkiMcp.Cli;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>Plans a person can read: each change names its deck, the note's first field (shortened) and the fields
/// that change; a dry run shows no key for a note that only the real run gives one.</summary>
public sealed class ReadablePlanTests
{
    [Fact]
    public async Task DryRun_ShowsDeckFirstFieldAndChangedFields_AndNoMadeUpKeys()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        await world.SyncAsync();
        string key = world.KeysIn("Biology.md")[0];
        string longQuestion = "Which organelle " + string.Join(' ', Enumerable.Repeat("really", 20)) + " makes ATP?";
        world.Write("Biology.md", world.Read("Biology.md").Replace("A: answer to What is ATP?", "A: energy currency", StringComparison.Ordinal)
            + $"\n---\n\nQ: {longQuestion}\nA: mitochondria\n");

        SyncReport plan = await world.SyncAsync(new SyncOptions { DryRun = true });
        SyncReport real = await world.SyncAsync();

        SyncChange update = Assert.Single(plan.Plan.Changes, change => change.Kind == SyncChangeKind.Update);
        Assert.Equal((key, "Biology", "What is ATP?"), (update.NoteKey, update.DeckName, update.Summary));
        Assert.Equal(["Answer"], update.Fields);
        SyncChange create = Assert.Single(plan.Plan.Changes, change => change.Kind == SyncChangeKind.Create);
        Assert.Null(create.NoteKey);
        Assert.InRange(create.Summary.Length, 50, 60);
        Assert.StartsWith("Which organelle really", create.Summary, StringComparison.Ordinal);
        Assert.EndsWith("…", create.Summary, StringComparison.Ordinal);
        Assert.Equal(world.KeysIn("Biology.md")[1], Assert.Single(real.Plan.Changes, change => change.Kind == SyncChangeKind.Create).NoteKey);

        string text = SyncReportPrinter.ToPlainText(plan);
        Assert.Contains($"update   in Anki     {key} \"What is ATP?\" [Answer]", text, StringComparison.Ordinal);
        Assert.Contains("create   in Anki     (new)", text, StringComparison.Ordinal);
        Assert.StartsWith("sync (dry run, nothing was changed) would make", text, StringComparison.Ordinal);
    }
}
