using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Tests.Markdown;

public sealed class NoteTypeTests
{
    [Fact]
    public void DefaultsLoadWithTheirLabels()
    {
        using TempCollection collection = new();
        NoteTypeRegistry types = collection.Types;

        Assert.Equal(DefaultNoteTypes.Names, types.Types.Select(t => t.Name));
        Assert.Equal(["Q:", "A:", "E:", "M:"], types.Find("AnkiMcpQA")!.LabelledFields.Select(f => f.Label));
        Assert.Equal(["T:", "E:", "M:"], types.Find("AnkiMcpCloze")!.LabelledFields.Select(f => f.Label));
        Assert.Equal(["Q:", "CHAIN:", "E:", "M:"], types.Find("AnkiMcpWhy")!.LabelledFields.Select(f => f.Label));
        Assert.Equal(["BROKEN:", "FIX:", "WHY:", "E:", "M:"], types.Find("AnkiMcpError")!.LabelledFields.Select(f => f.Label));
        Assert.Equal(["Q:", "C1:", "C2:", "C3:", "C4:", "C5:", "C6:", "C7:", "C8:", "A:", "E:", "M:"], types.Find("AnkiMcpChoice")!.LabelledFields.Select(f => f.Label));
        Assert.True(types.Find("AnkiMcpCloze")!.IsCloze);
        Assert.True(types.Find("AnkiMcpChoice")!.IsChoice);
        Assert.Equal("Cloze", Assert.Single(types.Find("AnkiMcpCloze")!.Templates).Name);
        Assert.All(types.Types, t => Assert.Equal(NoteTypeDefinition.KeyFieldName, t.AnkiFieldNames[^1]));
        Assert.All(types.Types, t => Assert.Contains(".nightMode", t.Css, StringComparison.Ordinal));
        Assert.All(types.Types, t => Assert.Contains("pre .k", t.Css, StringComparison.Ordinal));
        Assert.Contains("<details class=\"more\">", types.Find("AnkiMcpQA")!.Templates[0].Back, StringComparison.Ordinal);
        Assert.Contains("{{cloze:Text}}", types.Find("AnkiMcpCloze")!.Templates[0].Front, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteToKeepsAnEditedType()
    {
        using TempCollection collection = new();
        string yaml = Path.Combine(collection.Dir, "note_types", "AnkiMcpQA", "Front.template.anki");
        File.WriteAllText(yaml, "edited {{Question}}");

        IReadOnlyList<string> written = DefaultNoteTypes.WriteTo(collection.Dir).Written;

        Assert.Empty(written);
        Assert.Equal("edited {{Question}}", File.ReadAllText(yaml));
    }

    [Theory]
    [InlineData(new[] { "Q:", "A:" }, "AnkiMcpQA")]
    [InlineData(new[] { "Q:", "A:", "E:", "M:" }, "AnkiMcpQA")]
    [InlineData(new[] { "T:" }, "AnkiMcpCloze")]
    [InlineData(new[] { "T:", "E:" }, "AnkiMcpCloze")]
    [InlineData(new[] { "Q:", "C1:", "C2:", "A:" }, "AnkiMcpChoice")]
    [InlineData(new[] { "Q:", "C3:", "A:" }, "AnkiMcpChoice")]
    [InlineData(new[] { "Q:", "CHAIN:" }, "AnkiMcpWhy")]
    [InlineData(new[] { "BROKEN:", "FIX:", "WHY:", "M:" }, "AnkiMcpError")]
    public void LabelsPickTheType(string[] labels, string expected)
    {
        using TempCollection collection = new();
        Assert.Equal(expected, collection.Types.Infer(labels, out _)?.Name);
    }

    [Theory]
    [InlineData(new[] { "E:" }, "no note type")]
    [InlineData(new[] { "Q:" }, "no note type")]
    [InlineData(new[] { "Q:", "A:", "CHAIN:" }, "no note type")]
    [InlineData(new[] { "BROKEN:", "FIX:" }, "no note type")]
    public void LabelsThatFitNoTypeAreExplained(string[] labels, string expected)
    {
        using TempCollection collection = new();
        Assert.Null(collection.Types.Infer(labels, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void IdenticalIdentifyingLabelsNameBothTypes()
    {
        using TempCollection collection = new();
        CopyType(collection, "AnkiMcpQA", "MyQA");

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        CollectionError clash = Assert.Single(error.Errors);
        Assert.Equal("note_types/MyQA/note_type.yaml", clash.File);
        Assert.Contains("AnkiMcpQA", clash.Message, StringComparison.Ordinal);
        Assert.Contains("MyQA", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelMeansOneFieldEverywhere()
    {
        using TempCollection collection = new();
        CopyType(collection, "AnkiMcpQA", "Vocab", yaml => yaml.Replace("name: Answer", "name: Meaning", StringComparison.Ordinal).Replace("\"Q:\"", "\"W:\"", StringComparison.Ordinal));

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        CollectionError problem = Assert.Single(error.Errors);
        Assert.Equal("note_types/Vocab/note_type.yaml", problem.File);
        Assert.True(problem.Line > 1);
        Assert.Contains("label A: means field 'Meaning'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Q\"", "not a valid label")]
    [InlineData("\"1Q:\"", "not a valid label")]
    [InlineData("\"Q A:\"", "not a valid label")]
    public void LabelSyntaxIsChecked(string label, string expected)
    {
        using TempCollection collection = new();
        CopyType(collection, "AnkiMcpQA", "Odd", yaml => yaml.Replace("\"Q:\"", label, StringComparison.Ordinal).Replace("\"A:\"", "\"ODD:\"", StringComparison.Ordinal).Replace("name: Question", "name: Odd", StringComparison.Ordinal).Replace("name: Answer", "name: Odder", StringComparison.Ordinal));

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        Assert.Contains(error.Errors, e => e.File == "note_types/Odd/note_type.yaml" && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateLabelInOneTypeIsAnError()
    {
        using TempCollection collection = new();
        CopyType(collection, "AnkiMcpQA", "Twice", yaml => yaml.Replace("\"M:\"", "\"E:\"", StringComparison.Ordinal).Replace("\"Q:\"", "\"TW:\"", StringComparison.Ordinal).Replace("name: Question", "name: Twice", StringComparison.Ordinal));

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        Assert.Contains(error.Errors, e => e.Message.Contains("label E: is used by two fields", StringComparison.Ordinal));
    }

    [Fact]
    public void NameKeyAndUnknownKeysAreRejected()
    {
        using TempCollection collection = new();
        CopyType(collection, "AnkiMcpWhy", "Named", yaml => "name: Named\nstlying: x.css\n" + yaml.Replace("\"CHAIN:\"", "\"NAMED:\"", StringComparison.Ordinal).Replace("name: Chain", "name: Named", StringComparison.Ordinal));

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        Assert.Contains(error.Errors, e => e.Line == 1 && e.Message.Contains("'name' is not allowed", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Line == 2 && e.Message.Contains("unknown key 'stlying'", StringComparison.Ordinal));
    }

    [Fact]
    public void StylingMayNotLeaveNoteTypes()
    {
        using TempCollection collection = new();
        File.WriteAllText(Path.Combine(collection.Dir, "secret.css"), "x");
        CopyType(collection, "AnkiMcpWhy", "Escape", yaml => yaml.Replace("../AnkiMcpStyling.css", "../../secret.css", StringComparison.Ordinal).Replace("\"CHAIN:\"", "\"ESC:\"", StringComparison.Ordinal).Replace("name: Chain", "name: Escape", StringComparison.Ordinal));

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));

        Assert.Contains(error.Errors, e => e.Message.Contains("must stay inside note_types/", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingNoteTypesFolderSaysToRunInit()
    {
        using TempCollection collection = new(withDefaults: false);
        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => NoteTypeRegistry.Load(collection.Dir));
        Assert.Contains("ankimcp init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnkiOpsFolderWithExplicitTemplatesLoads()
    {
        using TempCollection collection = new(withDefaults: false);
        string folder = Path.Combine(collection.Dir, "note_types", "Vocab");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Vocab.css"), ".card { color: red; }");
        File.WriteAllText(Path.Combine(folder, "R.front"), "{{Word}}");
        File.WriteAllText(Path.Combine(folder, "R.back"), "{{Meaning}}");
        File.WriteAllText(Path.Combine(folder, "note_type.yaml"), """
            styling: ./Vocab.css
            templates:
              - name: Recognition
                front: R.front
                back: R.back
            fields:
              - name: Word
                label: "W:"
                identifying: true
              - name: Meaning
                label: "MN:"
                identifying: true
              - name: Audio
                label: null
                identifying: false
              - name: AnkiOps Key
                label: null
                identifying: false
            """);

        NoteTypeDefinition vocab = Assert.Single(NoteTypeRegistry.Load(collection.Dir).Types);

        Assert.Equal(["Word", "Meaning", "Audio", "AnkiOps Key"], vocab.AnkiFieldNames);
        Assert.Equal("Recognition", Assert.Single(vocab.Templates).Name);
        Assert.Equal(".card { color: red; }", vocab.Css);
    }

    private static void CopyType(TempCollection collection, string from, string to, Func<string, string>? edit = null)
    {
        string source = Path.Combine(collection.Dir, "note_types", from);
        string target = Path.Combine(collection.Dir, "note_types", to);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        string yamlPath = Path.Combine(target, "note_type.yaml");
        if (edit is not null)
            File.WriteAllText(yamlPath, edit(File.ReadAllText(yamlPath)));
    }
}
