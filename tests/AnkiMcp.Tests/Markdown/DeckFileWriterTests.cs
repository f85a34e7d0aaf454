using System.Text;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Tests.Markdown;

public sealed class DeckFileWriterTests
{
    private static MarkdownNote Qa(string question, string answer, string? key = null, string extra = "", params string[] tags) =>
        new(key, "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = question, ["Answer"] = answer, ["Extra"] = extra, ["More"] = "" }, tags, 0);

    [Fact]
    public void RenderIsCanonicalAndParsesBack()
    {
        using TempCollection collection = new();
        NoteTypeRegistry types = collection.Types;
        MarkdownNote note = Qa("What?", "```python\nprint(1)\n```\nA: looks like a label\n\\Q: escaped already", "0123456789ab", "x\n\n---\n\ny", "b", "a");

        string text = DeckFileWriter.Render([note, Qa("Second", "two")], types);

        Assert.Equal("""
            <!-- note_key: 0123456789ab -->
            <!-- tags: a b -->
            Q: What?
            A:
            ```python
            print(1)
            ```
            \A: looks like a label
            \\Q: escaped already
            E: x

            ***

            y

            ---

            Q: Second
            A: two

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text);
        DeckFile parsed = DeckFileParser.Parse("Deck.md", text, types);
        Assert.Empty(parsed.Errors);
        Assert.Equal(note.Fields["Answer"], parsed.Notes[0].Fields["Answer"]);
        Assert.Equal("x\n\n***\n\ny", parsed.Notes[0].Fields["Extra"]);
        Assert.Equal(["a", "b"], parsed.Notes[0].Tags);
    }

    [Fact]
    public void CodeThatMarkdigReadsAsOneBlockIsWrittenAsCode()
    {
        using TempCollection collection = new();
        NoteTypeRegistry types = collection.Types;
        MarkdownNote note = Qa("Which fence closes?", "```text\n    ```\n---\nQ: still code\n```", extra: "A: not code");

        string text = DeckFileWriter.RenderNote(note, types);

        Assert.Equal("Q: Which fence closes?\nA:\n```text\n    ```\n---\nQ: still code\n```\nE: A: not code", text);
        DeckFile parsed = DeckFileParser.Parse("Deck.md", text, types);
        Assert.Empty(parsed.Errors);
        Assert.Equal(note.Fields["Answer"], parsed.Notes[0].Fields["Answer"]);
        Assert.Equal(note.Fields["Extra"], parsed.Notes[0].Fields["Extra"]);
    }

    [Fact]
    public void RenderAddsNoteTypeOnlyWhenLabelsDoNotPickIt()
    {
        using TempCollection collection = new();
        MarkdownNote emptyChoice = new(null, "AnkiMcpChoice", new Dictionary<string, string> { ["Question"] = "Q", ["Answer"] = "1" }, [], 0);

        string text = DeckFileWriter.RenderNote(emptyChoice, collection.Types);

        Assert.StartsWith("<!-- note_type: AnkiMcpChoice -->\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("note_type", DeckFileWriter.RenderNote(Qa("a", "b"), collection.Types), StringComparison.Ordinal);
    }

    [Fact]
    public void InsertKeysKeepsEveryOtherByte()
    {
        using TempCollection collection = new();
        string original = "\uFEFF# stray comment lines are fine\r\n<!-- a comment -->\r\nQ:   spaced   \r\nA: b  \r\n\r\n---\r\n\r\n<!-- note_key: 0123456789ab -->\r\nT: {{c1::x}}\r\n\r\n---\r\n\r\nQ: c\r\nA: d";
        string path = collection.Write("Keys.md", original.Replace("# stray comment lines are fine\r\n", "", StringComparison.Ordinal));
        DeckFile deck = DeckFileParser.Load(path, collection.Types);
        Assert.Empty(deck.Errors);

        DeckFile updated = DeckFileWriter.AssignMissingKeys(deck, collection.Types);

        string after = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        Assert.All(updated.Notes, n => Assert.NotNull(n.Key));
        string[] keys = [.. updated.Notes.Select(n => n.Key!)];
        string expected = $"\uFEFF<!-- note_key: {keys[0]} -->\r\n<!-- a comment -->\r\nQ:   spaced   \r\nA: b  \r\n\r\n---\r\n\r\n<!-- note_key: 0123456789ab -->\r\nT: {{{{c1::x}}}}\r\n\r\n---\r\n\r\n<!-- note_key: {keys[2]} -->\r\nQ: c\r\nA: d";
        Assert.Equal(expected, after);
    }

    [Fact]
    public void InsertKeysKeepsBytesThatAreNotUtf8_AndReturnsTheDeckAsAFreshParseReadsIt()
    {
        using TempCollection collection = new();
        string path = collection.Write("Bytes.md", "");
        byte[] latin1Answer = [.. "A: caf"u8, 0xE9, .. "\n"u8];
        byte[] original = [.. "Q: one\n"u8, .. latin1Answer, .. "\n---\n\nQ: two\nA: b\n\n---\n\nQ: three\r\nA: c\r\n"u8];
        File.WriteAllBytes(path, original);
        DeckFile deck = DeckFileParser.Load(path, collection.Types);
        Assert.Empty(deck.Errors);

        DeckFile updated = DeckFileWriter.InsertKeys(deck, new Dictionary<int, string> { [1] = "aaaaaaaaaaaa", [11] = "cccccccccccc" }, collection.Types);

        byte[] expected = [.. "<!-- note_key: aaaaaaaaaaaa -->\nQ: one\n"u8, .. latin1Answer,
            .. "\n---\n\nQ: two\nA: b\n\n---\n\n<!-- note_key: cccccccccccc -->\r\nQ: three\r\nA: c\r\n"u8];
        Assert.Equal(expected, File.ReadAllBytes(path));
        DeckFile reread = DeckFileParser.Load(path, collection.Types);
        Assert.Equal(reread.ContentHash, updated.ContentHash);
        Assert.Equal(reread.Notes.Select(n => (n.Key, n.Line, n.Fingerprint)), updated.Notes.Select(n => (n.Key, n.Line, n.Fingerprint)));
        Assert.Equal(["aaaaaaaaaaaa", null, "cccccccccccc"], updated.Notes.Select(n => n.Key));
    }

    [Fact]
    public void NothingIsWrittenOverAFileWithErrors()
    {
        using TempCollection collection = new();
        string text = "Q: a\nA: b\n\n---\n\nE: lonely\n";
        string path = collection.Write("Broken.md", text);
        DeckFile deck = DeckFileParser.Load(path, collection.Types);

        CollectionFormatException keys = Assert.Throws<CollectionFormatException>(() => DeckFileWriter.AssignMissingKeys(deck, collection.Types));
        CollectionFormatException append = Assert.Throws<CollectionFormatException>(() => DeckFileWriter.AppendNotes(path, [Qa("x", "y")], collection.Types));
        CollectionFormatException write = Assert.Throws<CollectionFormatException>(() => DeckFileWriter.WriteDeck(path, [Qa("x", "y")], collection.Types));

        Assert.All([keys, append, write], e => Assert.Contains(e.Errors, x => x.File == "Broken.md" && x.Line == 6));
        Assert.Equal(text, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(collection.Dir));
    }

    [Fact]
    public void AFileChangedSinceReadingIsNotOverwritten()
    {
        using TempCollection collection = new();
        string path = collection.Write("Moving.md", "Q: a\nA: b\n");
        DeckFile deck = DeckFileParser.Load(path, collection.Types);
        File.WriteAllText(path, "Q: a\nA: edited meanwhile\n");

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => DeckFileWriter.AssignMissingKeys(deck, collection.Types));

        Assert.Contains("changed since it was read", error.Message, StringComparison.Ordinal);
        Assert.Equal("Q: a\nA: edited meanwhile\n", File.ReadAllText(path));
    }

    [Fact]
    public void AppendNotesKeepsTheExistingText()
    {
        using TempCollection collection = new();
        string path = collection.Write("Append.md", "Q: a\nA: b\n\n\n");

        DeckFile deck = DeckFileWriter.AppendNotes(path, [Qa("c", "d", "cccccccccccc")], collection.Types);

        Assert.Equal("Q: a\nA: b\n\n---\n\n<!-- note_key: cccccccccccc -->\nQ: c\nA: d\n", File.ReadAllText(path));
        Assert.Equal(2, deck.Notes.Count);
        Assert.Equal(6, deck.Notes[1].Line);
    }

    [Fact]
    public void AppendNotesToAnAlreadyParsedDeck_MatchesAFreshParseAndRefusesAStaleOne()
    {
        using TempCollection collection = new();
        string path = collection.Write("Append.md", "Q: a\nA: b\n");
        DeckFile parsed = DeckFileParser.Load(path, collection.Types);

        DeckFile deck = DeckFileWriter.AppendNotes(path, [Qa("c", "d", "cccccccccccc")], collection.Types, parsed);
        DeckFile fresh = DeckFileParser.Load(path, collection.Types);
        Assert.Equal(fresh.Notes.Select(note => (note.Key, note.Line, note.Fingerprint)), deck.Notes.Select(note => (note.Key, note.Line, note.Fingerprint)));
        Assert.Equal(fresh.ContentHash, deck.ContentHash);

        CollectionFormatException stale = Assert.Throws<CollectionFormatException>(() =>
            DeckFileWriter.AppendNotes(path, [Qa("e", "f", "eeeeeeeeeeee")], collection.Types, parsed));
        Assert.Contains("changed since it was read", stale.Message, StringComparison.Ordinal);
        Assert.Equal(2, DeckFileParser.Load(path, collection.Types).Notes.Count);
    }

    [Fact]
    public void AppendNotesCreatesTheFileAndRejectsInvalidNotes()
    {
        using TempCollection collection = new();
        string path = Path.Combine(collection.Dir, "New.md");

        CollectionFormatException invalid = Assert.Throws<CollectionFormatException>(() => DeckFileWriter.AppendNotes(path, [Qa("only question", "")], collection.Types));
        Assert.Contains("A: (Answer) is required", invalid.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        DeckFileWriter.AppendNotes(path, [Qa("q", "a")], collection.Types);
        Assert.Equal("Q: q\nA: a\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteDeckSkipsIdenticalText()
    {
        using TempCollection collection = new();
        string path = Path.Combine(collection.Dir, "Same.md");

        Assert.True(DeckFileWriter.WriteDeck(path, [Qa("q", "a", "dddddddddddd")], collection.Types));
        DateTime written = File.GetLastWriteTimeUtc(path);
        Assert.False(DeckFileWriter.WriteDeck(path, [Qa("q", "a", "dddddddddddd")], collection.Types));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Empty(Directory.GetFiles(collection.Dir, "*.tmp"));
    }

    [Fact]
    public void FingerprintIgnoresKeyLineAndTagOrder()
    {
        MarkdownNote a = Qa("q", "a", "aaaaaaaaaaaa", "", "x", "y");
        MarkdownNote b = Qa("q", "a", null, "", "y", "x") with { Line = 7 };

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, Qa("q", "a!", null, "", "x", "y").Fingerprint);
        Assert.NotEqual(a.Fingerprint, Qa("q", "a", null, "", "x").Fingerprint);
    }
}
