using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Tests.Markdown;

public sealed class NoteTypeWriterTests : IDisposable
{
    private readonly TempFolder _collection = new();

    public NoteTypeWriterTests() => DefaultNoteTypes.WriteTo(_collection.Path);

    public void Dispose() => _collection.Dispose();

    [Fact]
    public void WrittenFolder_LoadsBackAsTheSameNoteType()
    {
        // Names and labels that YAML would misread unquoted, templates with their own names, CSS with quotes.
        NoteTypeDefinition type = new(
            "Vocab & more (v2)",
            [new("true", "W:", true), new("Meaning #1", "MN-1:", true), new("null", null, false), new("Notes: extra", "N_X:", false)],
            IsCloze: false,
            IsChoice: false,
            [new("Recognition", "{{true}}", "{{FrontSide}}<hr id=answer>{{Meaning #1}}"), new("Production 'reverse'", "{{Meaning #1}}", "{{true}}")],
            ".card { font-family: \"Noto Sans\"; }\n");

        NoteTypeWriter.Write(_collection.Path, type);

        NoteTypeDefinition loaded = Assert.IsType<NoteTypeDefinition>(NoteTypeRegistry.Load(_collection.Path).Find(type.Name));
        Assert.Equal(type.Fields, loaded.Fields);
        Assert.Equal(type.Templates, loaded.Templates);
        Assert.Equal(type.Css, loaded.Css);
        Assert.Equal((type.IsCloze, type.IsChoice), (loaded.IsCloze, loaded.IsChoice));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_collection.Path, "note_types"), ".*"));
    }

    [Fact]
    public void ExistingFolder_IsNeverOverwritten()
    {
        string qa = NoteTypeWriter.FolderOf(_collection.Path, "AnkiMcpQA");
        string before = File.ReadAllText(Path.Combine(qa, "note_type.yaml"));
        NoteTypeDefinition clash = new("AnkiMcpQA", [new("Front", "F:", true)], false, false, [new("Card 1", "{{Front}}", "{{Front}}")], "");

        Assert.Throws<IOException>(() => NoteTypeWriter.Write(_collection.Path, clash));

        Assert.Equal(before, File.ReadAllText(Path.Combine(qa, "note_type.yaml")));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_collection.Path, "note_types"), ".*"));
    }

    [Fact]
    public void LeftoverStagingFolder_OfAnInterruptedWrite_IsNotANoteType()
    {
        string staging = Path.Combine(_collection.Path, "note_types", ".Vocab.0123.partial");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "note_type.yaml"), "fields:\n  - name: Word\n    label: 'W:'\n    identifying: true\nstyling: x.css\n");

        NoteTypeRegistry registry = NoteTypeRegistry.Load(_collection.Path);

        Assert.Null(registry.Find("Vocab"));
        Assert.Null(registry.Find(".Vocab.0123.partial"));
        Assert.NotNull(registry.Find("AnkiMcpQA"));
    }
}
