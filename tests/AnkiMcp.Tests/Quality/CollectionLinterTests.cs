using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Quality;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.Quality;

public sealed class CollectionLinterTests : IDisposable
{
    private readonly TempCollection _collection = new(withDefaults: false);

    public void Dispose() => _collection.Dispose();

    // A person's own types: a cloze type is checked as cloze cards, a Q:/A: type as basic cards, others are left alone.
    [Fact]
    public void OtherNoteTypes_AreCheckedByTheKindTheirLabelsShow()
    {
        NoteTypeWriter.Write(_collection.Dir, new NoteTypeDefinition("Basic", [new("Front", "Q:", true), new("Back", "A:", true)], false, false,
            [new("Card 1", "{{Front}}", "{{Back}}")], ""));
        NoteTypeWriter.Write(_collection.Dir, new NoteTypeDefinition("Cloze", [new("Text", "T:", true), new("Back Extra", "X:", false)], true, false,
            [new("Cloze", "{{cloze:Text}}", "{{cloze:Text}}")], ""));
        NoteTypeWriter.Write(_collection.Dir, new NoteTypeDefinition("Vocab", [new("Word", "W:", true), new("Meaning", "MN:", true)], false, false,
            [new("Card 1", "{{Word}}", "{{Meaning}}")], ""));
        _collection.Write("Mixed.md", "Q: Is Python dynamically typed?\nA: Yes.\n\n---\n\nT: {{c1::It}} returns pairs.\n\n---\n\nW: this\nMN: dies\n");

        CollectionLintReport report = CollectionLinter.Lint(MarkdownCollection.Load(_collection.Dir));

        Assert.Equal(2, report.Checked);
        Assert.Equal([("Basic", "yes-no-question"), ("Cloze", "orphan-context")], report.Flagged.Select(note => (note.NoteType, Assert.Single(note.Flags).Rule)));
        Assert.Equal(new Dictionary<string, int> { ["Vocab"] = 1 }, report.NotChecked);
        Assert.Empty(report.Errors);
    }
}
