using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Tests.Markdown;

public sealed class MarkdownCollectionTests
{
    [Fact]
    public void LoadsTopLevelDecksAndSkipsDocuments()
    {
        using TempCollection collection = new();
        collection.Write("Biology.md", "Q: a\nA: b\n");
        collection.Write("Biology__Cells.md", "T: {{c1::x}}\n");
        collection.Write("README.md", "# Not a deck\n");
        collection.Write("license.md", "MIT\n");
        collection.Write("notes.txt", "Q: a\nA: b\n");
        Directory.CreateDirectory(Path.Combine(collection.Dir, "sub"));
        File.WriteAllText(Path.Combine(collection.Dir, "sub", "Nested.md"), "Q: a\nA: b\n");

        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);

        Assert.Empty(loaded.Errors);
        Assert.Equal(["Biology", "Biology::Cells"], loaded.Decks.Select(d => d.DeckName));
        Assert.Equal(5, loaded.NoteTypes.Types.Count);
        Assert.NotNull(loaded.FindDeck("Biology::Cells"));
    }

    [Fact]
    public void DuplicateKeysAcrossFilesAreFlagged()
    {
        using TempCollection collection = new();
        collection.Write("A.md", "<!-- note_key: 111111111111 -->\nQ: a\nA: b\n");
        collection.Write("B.md", "Q: x\nA: y\n\n---\n\n<!-- note_key: 111111111111 -->\nQ: c\nA: d\n");

        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);

        CollectionError error = Assert.Single(loaded.Errors);
        Assert.Equal("B.md", error.File);
        Assert.Equal(6, error.Line);
        Assert.Contains("also used in A.md:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFileNameIsReported()
    {
        using TempCollection collection = new();
        collection.Write("A___B.md", "Q: a\nA: b\n");

        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);

        CollectionError error = Assert.Single(loaded.Errors);
        Assert.Equal("A___B.md", error.File);
        Assert.Equal(1, error.Line);
    }
}
