using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Cli;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary><c>init</c> in a folder that already holds AnkiOps' note types, and which note type each card kind becomes.</summary>
public sealed class AnkiOpsInitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TempCollection AnkiOpsFolder()
    {
        TempCollection folder = new(withDefaults: false);
        AnkiOpsFixture.WriteNoteTypes(folder.Dir);
        return folder;
    }

    [Fact]
    public async Task InitInAnAnkiOpsFolder_AddsOnlyTheTypesThatDoNotClash_AndSaysWhy()
    {
        using TempCollection folder = AnkiOpsFolder();
        string qaYaml = File.ReadAllText(Path.Combine(folder.Dir, "note_types", "AnkiOpsQA", "note_type.yaml"));

        CollectionInitResult result = await CollectionInitializer.InitializeAsync(folder.Dir, tutorial: false, anki: null, Ct);

        Assert.Equal(["AnkiMcpError", "AnkiMcpWhy"], result.NoteTypesAdded);
        Assert.Equal(["AnkiMcpChoice", "AnkiMcpCloze", "AnkiMcpQA"], result.NoteTypesSkipped.Select(skipped => skipped.Name));
        Assert.Contains("AnkiOpsQA already has its identifying labels (A: Q:)", Assert.Single(result.NoteTypesSkipped, skipped => skipped.Name == "AnkiMcpQA").Reason, StringComparison.Ordinal);
        Assert.Contains("AnkiOpsCloze already has its identifying labels (T:)", Assert.Single(result.NoteTypesSkipped, skipped => skipped.Name == "AnkiMcpCloze").Reason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Dir, "note_types", "AnkiMcpQA")));
        Assert.Equal(qaYaml, File.ReadAllText(Path.Combine(folder.Dir, "note_types", "AnkiOpsQA", "note_type.yaml")));

        NoteTypeRegistry types = NoteTypeRegistry.Load(folder.Dir);
        Assert.Equal(8, types.Types.Count);
        Assert.Equal(["AnkiOpsQA", "AnkiOpsCloze", "AnkiMcpWhy", "AnkiMcpError"],
            Enum.GetValues<CardKind>().Select(kind => CardKindSchema.For(kind).NoteTypeIn(types)?.Name));

        CollectionInitResult again = await CollectionInitializer.InitializeAsync(folder.Dir, tutorial: false, anki: null, Ct);
        Assert.Empty(again.NoteTypesAdded);
        Assert.Equal(["AnkiMcpChoice", "AnkiMcpCloze", "AnkiMcpQA"], again.NoteTypesSkipped.Select(skipped => skipped.Name));
    }

    [Fact]
    public async Task InitWhereALabelMeansAnotherField_AddsNothingThatWouldBreakTheFolder()
    {
        using TempCollection folder = new(withDefaults: false);
        Directory.CreateDirectory(Path.Combine(folder.Dir, "note_types", "Vocab"));
        File.WriteAllText(Path.Combine(folder.Dir, "note_types", "Vocab", "note_type.yaml"),
            "styling: Vocab.css\nfields:\n  - name: Word\n    label: \"W:\"\n    identifying: true\n  - name: Example\n    label: \"E:\"\n    identifying: false\n");
        File.WriteAllText(Path.Combine(folder.Dir, "note_types", "Vocab", "Vocab.css"), ".card {}\n");
        File.WriteAllText(Path.Combine(folder.Dir, "note_types", "Vocab", "Front.template.anki"), "{{Word}}");
        File.WriteAllText(Path.Combine(folder.Dir, "note_types", "Vocab", "Back.template.anki"), "{{Word}}<hr>{{Example}}");

        CollectionInitResult result = await CollectionInitializer.InitializeAsync(folder.Dir, tutorial: false, anki: null, Ct);

        Assert.Empty(result.NoteTypesAdded);
        Assert.All(result.NoteTypesSkipped, skipped => Assert.Contains("label E: means field 'Extra'", skipped.Reason, StringComparison.Ordinal));
        Assert.Single(NoteTypeRegistry.Load(folder.Dir).Types);
    }

    [Fact]
    public async Task InitWithBrokenNoteTypes_FailsNamingTheFile_AndWritesNothing()
    {
        using TempCollection folder = AnkiOpsFolder();
        File.AppendAllText(Path.Combine(folder.Dir, "note_types", "AnkiOpsQA", "note_type.yaml"), "bogus: true\n");

        CollectionFormatException refused = await Assert.ThrowsAsync<CollectionFormatException>(
            () => CollectionInitializer.InitializeAsync(folder.Dir, tutorial: false, anki: null, Ct));

        Assert.Contains("note_types/AnkiOpsQA/note_type.yaml", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["note_types"], Directory.EnumerateFileSystemEntries(folder.Dir).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(folder.Dir, "note_types", "AnkiMcpWhy")));
    }

    [Fact]
    public async Task InitCommand_TellsWhatItAddedWhatNotAndWhichTypeEachCardKindBecomes()
    {
        using TempCollection folder = AnkiOpsFolder();

        (int code, string output, string error) = await CliRunner.RunAsync(["init", "-c", folder.Dir, "--anki-url", Mcp.ServerLauncher.UnreachableAnki], cancellationToken: Ct);

        Assert.True(code == 0, error);
        Assert.Contains("Note types added: AnkiMcpError, AnkiMcpWhy", output, StringComparison.Ordinal);
        Assert.Contains("Not added: AnkiMcpQA, because AnkiOpsQA already has its identifying labels (A: Q:)", output, StringComparison.Ordinal);
        Assert.Contains("Card kinds: basic → AnkiOpsQA, cloze → AnkiOpsCloze, why → AnkiMcpWhy, error → AnkiMcpError", output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(folder.Dir, "note_types", "AnkiOpsQA", "note_type.yaml"), "bogus: true\n");
        (int badCode, _, string badError) = await CliRunner.RunAsync(["init", "-c", folder.Dir, "--anki-url", Mcp.ServerLauncher.UnreachableAnki], cancellationToken: Ct);
        Assert.Equal(1, badCode);
        Assert.Contains("note_types/AnkiOpsQA/note_type.yaml", badError, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void ACollectionWithoutAKindsType_SaysWhatTheTypeMustLookLike()
    {
        using TempCollection folder = AnkiOpsFolder();
        NoteTypeRegistry types = NoteTypeRegistry.Load(folder.Dir);

        Assert.Null(CardKindSchema.Why.NoteTypeIn(types));
        CollectionFormatException missing = Assert.Throws<CollectionFormatException>(
            () => CardNotes.ToNote(new CardDraft(CardKind.Why, "Deck", new Dictionary<string, string> { ["Question"] = "Why?", ["Chain"] = "because" }, []), null, types));
        Assert.Contains("no note type for why cards: one whose identifying labels are exactly Q: CHAIN:", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ankimcp init", missing.Message, StringComparison.Ordinal);
        Assert.Equal("AnkiOpsQA", CardNotes.ToNote(new CardDraft(CardKind.Basic, "Deck", new Dictionary<string, string> { ["Question"] = "Q?", ["Answer"] = "A" }, []), null, types).NoteTypeName);
    }
}
