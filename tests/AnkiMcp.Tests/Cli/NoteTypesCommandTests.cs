using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Tests.Mcp;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Cli;

/// <summary><c>ankimcp note-types</c> driven as a person or a script would, against the AnkiConnect emulator.</summary>
public sealed class NoteTypesCommandTests : CollectionTest, IAsyncLifetime
{
    private Emulator _anki = null!;

    public async ValueTask InitializeAsync()
    {
        DefaultNoteTypes.WriteTo(Collection);
        _anki = await Emulator.StartAsync();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _anki.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    [Fact]
    public async Task List_ShowsEveryNoteTypeAndItsLabels()
    {
        var (exitCode, stdout, stderr) = await RunAsync("note-types");

        Assert.True(exitCode == 0, stderr);
        foreach (string expected in new[] { "AnkiMcpQA", "AnkiMcpCloze", "AnkiMcpChoice", "AnkiMcpWhy", "AnkiMcpError", "CHAIN:", "BROKEN:", "WHY:", "FIX:" })
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJson_GivesExactlyWhatTheCollectionDefines()
    {
        var (exitCode, stdout, stderr) = await RunAsync("note-types", "--json");

        Assert.True(exitCode == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        var printed = json.RootElement.EnumerateArray().Select(type => (
            Name: type.GetProperty("name").GetString(),
            Fields: string.Join(" ", type.GetProperty("fields").EnumerateArray().Select(f =>
                $"{f.GetProperty("name").GetString()}={f.GetProperty("label").GetString()}/{f.GetProperty("identifying").GetBoolean()}"))));
        var defined = NoteTypeRegistry.Load(Collection).Types.Select(type => (
            Name: (string?)type.Name,
            Fields: string.Join(" ", type.Fields.Select(f => $"{f.Name}={f.Label}/{f.Identifying}"))));
        Assert.Equal(defined, printed);
    }

    [Fact]
    public async Task List_WithoutNoteTypes_SaysToRunInit()
    {
        using TempFolder empty = new();

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(["note-types", "--collection", empty.Path], "", cancellationToken: Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("ankimcp init", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWithLabels_CopiesFieldsTemplatesAndCssFromAnki()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Basic", "--labels", "Front=F:,Back=B", "--anki-url", _anki.Url.ToString());

        Assert.True(exitCode == 0, stderr);
        NoteTypeRegistry registry = NoteTypeRegistry.Load(Collection);
        NoteTypeDefinition basic = Assert.IsType<NoteTypeDefinition>(registry.Find("Basic"));
        Assert.Equal([new("Front", "F:", true), new("Back", "B:", true)], basic.Fields);
        Assert.False(basic.IsCloze);
        using AnkiConnectClient client = new(new AnkiConnectOptions(_anki.Url));
        IReadOnlyList<AnkiCardTemplate> templates = await client.ModelTemplatesAsync("Basic", Ct);
        Assert.Equal(templates.Select(t => new NoteTemplateDefinition(t.Name, t.Front, t.Back)), basic.Templates);
        Assert.Equal((await client.ModelStylingAsync("Basic", Ct)).TrimEnd(), basic.Css.TrimEnd());
        Assert.Same(basic, registry.Infer(["F:", "B:"], out _));
    }

    [Fact]
    public async Task AddCloze_KeepsItAClozeType()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Cloze", "--labels", "Text=CT:,Back Extra=CX:", "--identifying", "CT:",
            "--anki-url", _anki.Url.ToString());

        Assert.True(exitCode == 0, stderr);
        NoteTypeDefinition cloze = NoteTypeRegistry.Load(Collection).Find("Cloze")!;
        Assert.True(cloze.IsCloze);
        Assert.Equal([new("Text", "CT:", true), new("Back Extra", "CX:", false)], cloze.Fields);
        Assert.Equal("Cloze", Assert.Single(cloze.Templates).Name);
    }

    [Fact]
    public async Task AddInteractively_AsksEachFieldForItsLabel()
    {
        // Front: label F, identifying by default; Back: label B, not identifying; Add Reverse: no label, Anki only.
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(
            ["note-types", "--add", "Basic (optional reversed card)", "--collection", Collection, "--anki-url", _anki.Url.ToString()],
            "F\n\nB\nn\n\n", cancellationToken: Ct);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Add Reverse", stdout, StringComparison.Ordinal);
        NoteTypeDefinition copied = NoteTypeRegistry.Load(Collection).Find("Basic (optional reversed card)")!;
        Assert.Equal([new("Front", "F:", true), new("Back", "B:", false), new("Add Reverse", null, false)], copied.Fields);
        Assert.Equal(["Card 1", "Card 2"], copied.Templates.Select(t => t.Name));
    }

    [Fact]
    public async Task Add_WhenTheFolderExists_RefusesBeforeAskingAnki()
    {
        string folder = Path.Combine(Collection, "note_types", "Basic");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "mine.txt"), "keep me");

        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Basic", "--labels", "Front=F:,Back=B:", "--anki-url", _anki.Url.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal(["mine.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal(0, _anki.HttpRequestCount);
    }

    [Fact]
    public async Task Add_ALabelThatMeansAnotherFieldElsewhere_IsRefusedAndNothingIsWritten()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Basic", "--labels", "Front=Q:,Back=B:", "--anki-url", _anki.Url.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("Q:", stderr, StringComparison.Ordinal);
        Assert.Contains("AnkiMcp", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Collection, "note_types", "Basic")));
    }

    [Fact]
    public async Task Add_UnknownNoteType_NamesTheOnesAnkiHas()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Vocabulary", "--labels", "Word=W:", "--anki-url", _anki.Url.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("Anki has no note type 'Vocabulary'", stderr, StringComparison.Ordinal);
        Assert.Contains("Basic (and reversed card)", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Collection, "note_types", "Vocabulary")));
    }

    [Fact]
    public async Task Add_LabelsForAFieldTheTypeLacks_ListsItsFields()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Basic", "--labels", "Question=F:", "--anki-url", _anki.Url.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("no field 'Question'", stderr, StringComparison.Ordinal);
        Assert.Contains("'Front', 'Back'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithAnkiNotRunning_SaysWhatToDo()
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", "Basic", "--labels", "Front=F:,Back=B:", "--anki-url", ServerLauncher.UnreachableAnki);

        Assert.Equal(1, exitCode);
        Assert.Contains("2055492159", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Collection, "note_types", "Basic")));
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task Add_ANameThatIsNotAFolderName_IsRefused(string name)
    {
        var (exitCode, _, stderr) = await RunAsync("note-types", "--add", name, "--labels", "Front=F:", "--anki-url", _anki.Url.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot be a folder name", stderr, StringComparison.Ordinal);
        Assert.Equal(DefaultNoteTypes.Names.Order(StringComparer.Ordinal),
            Directory.EnumerateDirectories(Path.Combine(Collection, "note_types")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Collection, "escaped")));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments) =>
        CliRunner.RunAsync([.. arguments, "--collection", Collection], "", cancellationToken: Ct);
}
