using AnkiMcp.AnkiConnectEmulator;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

public sealed class MarkdownToAnkiTests
{
    [Fact]
    public async Task FirstImport_AddsNotesDecksAndNoteTypes_AndWritesKeysEverywhere()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is a ribosome?"));
        world.Write("Biology__Cells.md", "T: The {{c1::mitochondrion}} makes ATP.\n");

        SyncReport report = await world.MarkdownToAnkiAsync();

        Assert.Equal(3, report.Plan.Count(SyncChangeKind.Create, SyncSide.Anki));
        Assert.Contains(report.Plan.NoteTypes, type => type is { Name: "AnkiMcpQA", Kind: SyncChangeKind.Create });
        IReadOnlyList<AnkiSideNote> notes = world.ManagedNotes();
        Assert.Equal(3, notes.Count);
        AnkiSideNote atp = world.NoteWithQuestion("What is ATP?");
        Assert.Equal(("AnkiMcpQA", "Biology", "answer to What is ATP?"), (atp.ModelName, atp.DeckName, atp.Fields["Answer"]));
        Assert.Equal("Biology::Cells", Assert.Single(notes, note => note.ModelName == "AnkiMcpCloze").DeckName);
        IReadOnlyList<string> keys = [.. world.KeysIn("Biology.md"), .. world.KeysIn("Biology__Cells.md")];
        Assert.Equal(3, keys.Count);
        Assert.All(keys, key => Assert.Equal(key, world.NoteWithKey(key).Fields[NoteTypeDefinition.KeyFieldName]));
        Assert.Contains("Q: What is ATP?", world.Read("Biology.md"), StringComparison.Ordinal);
        using SyncStateStore state = SyncStateStore.Open(world.Dir);
        Assert.Equal("User 1", state.ProfileName);
        Assert.Equal(keys.Order(StringComparer.Ordinal), state.LoadNotes().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(atp.Id, state.LoadNotes()[world.KeysIn("Biology.md")[0]].NoteId);
    }

    [Fact]
    public async Task SecondRun_WithNothingChanged_CostsAtMostThreeRequests_AndChangesNothing()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck([.. Enumerable.Range(1, 30).Select(i => $"Question {i}?")]));
        await world.MarkdownToAnkiAsync();
        string before = world.Read("Biology.md");
        world.Anki.ResetCounters();

        SyncReport markdownToAnki = await world.MarkdownToAnkiAsync();
        int markdownToAnkiRequests = world.Anki.HttpRequestCount;
        world.Anki.ResetCounters();
        SyncReport twoWay = await world.SyncAsync();

        Assert.True(markdownToAnki.Plan.IsEmpty);
        Assert.True(twoWay.Plan.IsEmpty);
        Assert.InRange(markdownToAnkiRequests, 1, 3);
        Assert.InRange(world.Anki.HttpRequestCount, 1, 3);
        Assert.Equal(0, world.Anki.ActionCount("updateNote") + world.Anki.ActionCount("addNotes"));
        Assert.Equal(before, world.Read("Biology.md"));
    }

    [Fact]
    public async Task NotesOfOtherTypes_InTheSameDeck_AreNeverTouched()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Anki.CreateDeck("Biology");
        long basic = world.Anki.AddNote("Biology", "Basic", new Dictionary<string, string> { ["Front"] = "Mine", ["Back"] = "Not managed" });
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));

        await world.MarkdownToAnkiAsync();
        File.Delete(world.Path("Biology.md"));
        await world.MarkdownToAnkiAsync();
        await world.AnkiToMarkdownAsync();

        Assert.Empty(world.ManagedNotes());
        Assert.Equal("Not managed", world.Anki.Inspect(collection => collection.FindNote(basic)!["Back"]));
        Assert.False(File.Exists(world.Path("Biology.md")));
    }

    [Fact]
    public async Task NoteTypeChangesInYaml_UpdateAnki_AndNeverDropAnkiFieldsWithData()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        await world.MarkdownToAnkiAsync();
        long note = world.NoteWithQuestion("What is ATP?").Id;
        await world.Client.ModelFieldAddAsync("AnkiMcpQA", "Source", null, SyncWorld.Cancel);
        await world.Client.UpdateNoteFieldsAsync(note, new Dictionary<string, string> { ["Source"] = "my textbook" }, SyncWorld.Cancel);
        string yaml = world.Path("note_types", "AnkiMcpQA", "note_type.yaml");
        File.AppendAllText(yaml, "  - name: Hint\n    label: \"H:\"\n    identifying: false\n");
        File.AppendAllText(world.Path("note_types", "AnkiMcpStyling.css"), "\n.hint { color: green; }\n");

        SyncReport report = await world.MarkdownToAnkiAsync();

        NoteTypeChange change = Assert.Single(report.Plan.NoteTypes, type => type.Name == "AnkiMcpQA");
        Assert.Equal(SyncChangeKind.Update, change.Kind);
        IReadOnlyList<string> fields = world.Anki.Inspect(collection => collection.FindModel("AnkiMcpQA")!.Fields.ToList());
        Assert.Contains("Hint", fields);
        Assert.Contains("Source", fields);
        Assert.Equal("my textbook", world.Anki.Inspect(collection => collection.FindNote(note)!["Source"]));
        Assert.Contains(".hint { color: green; }", world.Anki.Inspect(collection => collection.FindModel("AnkiMcpQA")!.Css), StringComparison.Ordinal);
        world.Anki.ResetCounters();
        Assert.Empty((await world.MarkdownToAnkiAsync()).Plan.NoteTypes);
        Assert.Equal(0, world.Anki.ActionCount("modelStyling"));
    }

    [Fact]
    public async Task DuplicateKeys_StopTheRun_NamingFileAndLine_BeforeAnythingChanges()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "<!-- note_key: 0123456789ab -->\nQ: One?\nA: 1\n");
        world.Write("Chemistry.md", "Q: Zero?\nA: 0\n\n---\n\n<!-- note_key: 0123456789ab -->\nQ: Two?\nA: 2\n");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.MarkdownToAnkiAsync());

        Assert.Contains("Chemistry.md:6", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Biology.md:1", refused.Message, StringComparison.Ordinal);
        Assert.Empty(world.ManagedNotes());
        Assert.Equal(0, world.Anki.ActionCount("createModel"));
    }

    [Fact]
    public async Task AnotherActiveProfile_IsRefused_AndNothingChanges()
    {
        await using SyncWorld world = await SyncWorld.StartAsync(new EmulatorOptions { Profiles = ["User 1", "Work"] });
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        await world.MarkdownToAnkiAsync();
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to", "changed", StringComparison.Ordinal));
        world.Anki.SetActiveProfile("Work");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("'User 1'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
        Assert.Contains("init", refused.Message, StringComparison.Ordinal);
        Assert.Empty(world.Anki.Inspect(collection => collection.Notes.ToList()));
        Assert.Equal("answer to What is ATP?", world.Anki.CollectionOf("User 1").Notes.Single()["Answer"]);
    }

    [Fact]
    public async Task DryRun_ReportsThePlan_AndWritesNothingAnywhere()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        await world.MarkdownToAnkiAsync();
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to What is ATP?", "adenosine triphosphate", StringComparison.Ordinal) + "\n---\n\nQ: New?\nA: yes\n");
        world.Anki.EditNote(world.NoteWithQuestion("What is DNA?").Id, "Answer", "deoxyribonucleic acid");
        string deck = world.Read("Biology.md");
        byte[] state = File.ReadAllBytes(world.Path(".ankimcp", "state.db"));
        IReadOnlyList<AnkiSideNote> anki = world.ManagedNotes();
        world.Anki.ResetCounters();

        SyncReport report = await world.SyncAsync(new SyncOptions { DryRun = true });

        Assert.True(report.DryRun);
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Create, SyncSide.Anki));
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Anki));
        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        Assert.Equal(deck, world.Read("Biology.md"));
        Assert.Equal(state, File.ReadAllBytes(world.Path(".ankimcp", "state.db")));
        Assert.Equal(anki, world.ManagedNotes(), new AnkiSideNoteComparer());
        Assert.Equal(0, world.Anki.ActionCount("addNotes") + world.Anki.ActionCount("updateNote"));
    }
}
