using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>Conflicts a person can settle: by hand (edit the deck file, delete conflicts/KEY.md) or note by note with --prefer.</summary>
public sealed class ConflictSettlingTests
{
    private static async Task<(SyncWorld World, string Atp, string Dna)> TwoConflictsAsync()
    {
        SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        await world.SyncAsync();
        string atp = world.KeysIn("Biology.md")[0];
        string dna = world.KeysIn("Biology.md")[1];
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to", "Markdown answer to", StringComparison.Ordinal));
        world.Anki.EditNote(world.NoteWithKey(atp).Id, "Answer", "Anki answer to ATP");
        world.Anki.EditNote(world.NoteWithKey(dna).Id, "Answer", "Anki answer to DNA");
        return (world, atp, dna);
    }

    [Fact]
    public async Task AHandMergedConflict_IsTakenByTheNextSync_AsThePersonsDecision()
    {
        (SyncWorld world, string atp, string dna) = await TwoConflictsAsync();
        await using SyncWorld disposing = world;
        SyncReport first = await world.SyncAsync();
        Assert.Equal(SyncOutcome.ConflictsOpen, first.Outcome);
        Assert.Equal(new[] { atp, dna }.Order(StringComparer.Ordinal), first.Conflicts.Select(conflict => conflict.NoteKey!).Order(StringComparer.Ordinal));
        Assert.Equal(["Answer"], first.Conflicts[0].Fields);
        Assert.Equal("What is ATP?", first.Conflicts.Single(conflict => conflict.NoteKey == atp).Summary);

        // The person merges ATP by hand and deletes its conflict file; DNA stays open.
        world.Write("Biology.md", world.Read("Biology.md").Replace("A: Markdown answer to What is ATP?", "A: merged: Anki answer to ATP, and mine", StringComparison.Ordinal));
        File.Delete(world.Path("conflicts", atp + ".md"));
        SyncReport second = await world.SyncAsync();

        Assert.Equal(SyncOutcome.ConflictsOpen, second.Outcome);
        Assert.Equal(dna, Assert.Single(second.Conflicts).NoteKey);
        SyncChange merged = Assert.Single(second.Plan.Changes, change => change.NoteKey == atp);
        Assert.Equal((SyncChangeKind.Update, SyncSide.Anki), (merged.Kind, merged.Target));
        Assert.Contains("settled by hand", merged.Detail, StringComparison.Ordinal);
        Assert.Equal("merged: Anki answer to ATP, and mine", world.NoteWithKey(atp).Fields["Answer"]);
        Assert.Equal("Anki answer to DNA", world.NoteWithKey(dna).Fields["Answer"]);
        Assert.True(File.Exists(world.Path("conflicts", dna + ".md")));
    }

    [Fact]
    public async Task PreferCanNameNotes_BesidesTheGlobalChoice()
    {
        (SyncWorld world, string atp, string dna) = await TwoConflictsAsync();
        await using SyncWorld disposing = world;
        await world.SyncAsync();

        SyncReport settled = await world.SyncAsync(new SyncOptions
        {
            Prefer = ConflictPreference.Markdown,
            PreferByKey = new Dictionary<string, ConflictPreference> { [dna] = ConflictPreference.Anki, ["0badc0ffee00"] = ConflictPreference.Anki },
        });

        Assert.Equal(SyncOutcome.InStep, settled.Outcome);
        Assert.Equal("Markdown answer to What is ATP?", world.NoteWithKey(atp).Fields["Answer"]);
        Assert.Contains("A: Anki answer to DNA", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Contains("A: Markdown answer to What is ATP?", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(world.Path("conflicts")));
        Assert.Contains(settled.Warnings, warning => warning.Contains("0badc0ffee00", StringComparison.Ordinal));
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Theory]
    [InlineData(new[] { "markdown", "anki:1a2b3c4d5e6f" }, null)]
    [InlineData(new[] { "sideways" }, "say markdown or anki")]
    [InlineData(new[] { "markdown", "anki" }, "contradict")]
    [InlineData(new[] { "anki:not a key!" }, "is not a note key")]
    public void PreferValues_AreReadOrRefusedWithAReason(string[] values, string? error)
    {
        ParsedPreferences parsed = PreferenceParser.Parse(values);

        if (error is null)
        {
            Assert.Null(parsed.Error);
            Assert.Equal(ConflictPreference.Markdown, parsed.All);
            Assert.Equal(ConflictPreference.Anki, parsed.ByKey["1a2b3c4d5e6f"]);
        }
        else
        {
            Assert.Contains(error, parsed.Error, StringComparison.Ordinal);
        }
    }
}
