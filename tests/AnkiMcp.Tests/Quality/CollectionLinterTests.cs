using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Quality;
using AnkiMcp.Tests.AnkiOps;
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

    // A collab deck is checked with its source's note types and named by its path under collab/.
    [Fact]
    public void CollabDecks_AreCheckedWithTheirSourcesNoteTypes()
    {
        AnkiOpsFixture.WriteNoteTypes(_collection.Dir);
        string collab = AnkiOpsFixture.AddCollabSource(_collection.Dir);
        File.WriteAllText(Path.Combine(collab, "Shared.md"), "Q: What does it return?\nA: `None`\n\n---\n\nT: In Go, channels connect {{c1::goroutines}}.\n");
        _collection.Write("Mine.md", "Q: In Python, what does `print()` return?\nA: `None`\n");

        CollectionLintReport report = CollectionLinter.Lint(MarkdownCollection.Load(_collection.Dir), "Shared");

        Assert.Equal(2, report.Checked);
        NoteLint flagged = Assert.Single(report.Flagged);
        Assert.Equal(("collab/owner/repo/Shared.md", 1, "collab/owner/repo/AnkiOpsQA"), (flagged.File, flagged.Line, flagged.NoteType));
        Assert.Equal("orphan-context", Assert.Single(flagged.Flags).Rule);
    }
}
