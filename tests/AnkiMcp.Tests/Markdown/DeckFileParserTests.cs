using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Tests.Markdown;

public sealed class DeckFileParserTests
{
    [Fact]
    public void EveryDefaultTypeParses()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("""
            <!-- note_key: 2fd62bcaa861 -->
            <!-- tags: biology exam -->
            Q: What does the mitochondrion do?
            A: It produces ATP:
            - via oxidative phosphorylation

            ![cristae](media/cristae_1a2b3c4d.png){width=400}
            E: *Powerhouse* of the cell.
            M: More detail

            ---

            T: The {{c1::mitochondrion}} has its own {{c2::DNA}}.
            E: Extra text

            ---

            Q: Which are prime?
            C1: 2
            C2: 4
            C3: 5
            A: 1, 3

            ---

            Q: Why does ice float?
            CHAIN: Hydrogen bonds → open lattice → lower density than water → buoyancy

            ---

            BROKEN: `if (x = 1)`
            FIX: `if (x == 1)`
            WHY: `=` assigns; the condition is always true.
            """, "Biology__Cells.md");

        Assert.Empty(deck.Errors);
        Assert.Equal("Biology::Cells", deck.DeckName);
        Assert.Equal(["AnkiMcpQA", "AnkiMcpCloze", "AnkiMcpChoice", "AnkiMcpWhy", "AnkiMcpError"], deck.Notes.Select(n => n.NoteTypeName));
        MarkdownNote qa = deck.Notes[0];
        Assert.Equal("2fd62bcaa861", qa.Key);
        Assert.Equal(["biology", "exam"], qa.Tags);
        Assert.Equal(1, qa.Line);
        Assert.Equal("It produces ATP:\n- via oxidative phosphorylation\n\n![cristae](media/cristae_1a2b3c4d.png){width=400}", qa.Fields["Answer"]);
        Assert.Equal("More detail", qa.Fields["More"]);
        Assert.Equal(13, deck.Notes[1].Line);
        Assert.Null(deck.Notes[1].Key);
        Assert.Equal("", deck.Notes[1].Fields["More"]);
        Assert.Equal("1, 3", deck.Notes[2].Fields["Answer"]);
        Assert.Equal("", deck.Notes[2].Fields["Choice 4"]);
        Assert.Equal("`=` assigns; the condition is always true.", deck.Notes[4].Fields["Why"]);
    }

    [Fact]
    public void CrlfAndBomAreAccepted()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("\uFEFFQ: one\r\nA: two\r\nlines\r\n\r\n---\r\n\r\nT: {{c1::x}}\r\n");

        Assert.Empty(deck.Errors);
        Assert.Equal("two\nlines", deck.Notes[0].Fields["Answer"]);
        Assert.Equal(7, deck.Notes[1].Line);
    }

    [Fact]
    public void SeparatorsLabelsAndCommentsInsideCodeFencesAreContent()
    {
        using TempCollection collection = new();
        string code = "```yaml\nQ: not a label\n\n---\n\n<!-- tags: nope -->\nA: still code\n```";
        DeckFile deck = collection.Parse($"Q: What does this YAML hold?\nA:\n{code}\nE: after the fence\n");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal(code, note.Fields["Answer"]);
        Assert.Equal("after the fence", note.Fields["Extra"]);
        Assert.Empty(note.Tags);
    }

    [Fact]
    public void FenceRightAfterALabelOpensAFence()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("Q: What prints?\nA: ```python\nprint(1)\nE: in the code\n```\nE: real extra\n");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal("```python\nprint(1)\nE: in the code\n```", note.Fields["Answer"]);
        Assert.Equal("real extra", note.Fields["Extra"]);
    }

    [Fact]
    public void AFenceIndentedFourSpacesDoesNotCloseTheCodeBlock()
    {
        // CommonMark closes a fence only with at most three spaces of indentation, so Markdig renders all of this as one
        // code block; the separator and the label inside it are code.
        using TempCollection collection = new();
        string code = "```text\n    ```\n\n---\n\nQ: still code\n```";
        DeckFile deck = collection.Parse($"Q: Which fence closes?\nA:\n{code}\nE: after the code\n");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal(code, note.Fields["Answer"]);
        Assert.Equal("after the code", note.Fields["Extra"]);
    }

    [Theory]
    [InlineData("   ```", true)]
    [InlineData("````", true)]
    [InlineData("```  ", true)]
    [InlineData("    ```", false)]
    [InlineData("\t```", false)]
    [InlineData("``", false)]
    [InlineData("~~~", false)]
    [InlineData("``` text", false)]
    public void ClosingFenceFollowsCommonMark(string closer, bool closes)
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse($"Q: Which fence closes?\nA:\n```\ncode\n{closer}\nE: extra\n{(closes ? "" : "```\n")}");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal(closes ? "extra" : "", note.Fields["Extra"]);
        Assert.Equal(closes ? $"```\ncode\n{closer.TrimEnd()}" : $"```\ncode\n{closer}\nE: extra\n```", note.Fields["Answer"]);
    }

    [Fact]
    public void AFenceInsideAListItemEndsWithTheItem()
    {
        // The fence belongs to the list item, so the unindented label after it ends the item and its code block.
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("Q: Steps?\nA: - run\n  ```bash\n  make\nE: extra\n");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal("- run\n  ```bash\n  make", note.Fields["Answer"]);
        Assert.Equal("extra", note.Fields["Extra"]);
    }

    [Fact]
    public void AnIndentedCommentInsideIndentedCodeIsCode()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("Q: Which comment?\nA: This one:\n\n    <!-- tags: code -->\nE: extra\n");

        Assert.Empty(deck.Errors);
        MarkdownNote note = Assert.Single(deck.Notes);
        Assert.Equal("This one:\n\n    <!-- tags: code -->", note.Fields["Answer"]);
        Assert.Empty(note.Tags);
    }

    [Fact]
    public void EscapedLabelLinesAreContent()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("Q: Which line?\nA: This one:\n\\A: looks like a label\n\\\\Q: two backslashes\nWord: an unknown label is text\n");

        Assert.Empty(deck.Errors);
        Assert.Equal("This one:\nA: looks like a label\n\\Q: two backslashes\nWord: an unknown label is text", deck.Notes[0].Fields["Answer"]);
    }

    [Fact]
    public void ExplicitNoteTypeOverridesInference()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("<!-- note_type: AnkiMcpChoice -->\nQ: Pick\nC1: a\nC2: b\nA: 2\n");

        Assert.Equal("AnkiMcpChoice", Assert.Single(deck.Notes).NoteTypeName);
    }

    [Fact]
    public void StraySeparatorsAndEmptyBlocksAreIgnored()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("\n---\n\nQ: a\nA: b\n\n---\n\n---\n\n");

        Assert.Empty(deck.Errors);
        Assert.Single(deck.Notes);
    }

    [Theory]
    [InlineData("Q: a\nA: b\n\n---\n\nE: only extra\n", 6, "no note type has exactly the labels E:")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: a\nA: b\nCHAIN: c\n", 6, "no note type")]
    [InlineData("Q: a\nA: b\n\n---\n\n<!-- note_key: abc def -->\nQ: a\nA: b\n", 6, "malformed note_key comment")]
    [InlineData("Q: a\nA: b\n\n---\n\n<!-- note_key: -->\nQ: a\nA: b\n", 6, "malformed note_key comment")]
    [InlineData("Q: a\nA: b\n\n---\n\nFoo: bar\nQ: a\nA: b\n", 6, "unknown label Foo:")]
    [InlineData("Q: a\nA: b\n\n---\n\nSome text\nQ: a\nA: b\n", 6, "text before the first field label")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: a\nA: b\nQ: again\n", 8, "field Q: is given twice in this note (first on line 6)")]
    [InlineData("Q: a\nA: b\n\n---\n\n<!-- note_type: Nope -->\nQ: a\nA: b\n", 6, "unknown note_type 'Nope'")]
    [InlineData("Q: a\nA: b\n\n---\n\n<!-- note_type: AnkiMcpCloze -->\nQ: a\nT: b\n", 7, "Q: is not a field of note type AnkiMcpCloze")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: a\nA:\n", 6, "A: (Answer) is required")]
    [InlineData("Q: a\nA: b\n\n---\n\nT: no cloze here\n", 6, "has no cloze")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: {{c1::x}}\nA: b\n", 6, "is not a cloze type")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: pick\nC1: only one\nA: 1\n", 6, "at least two choices")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: pick\nC1: x\nC2: y\nA: first\n", 6, "numbers of the correct choices")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: pick\nC1: x\nC2: y\nA: 1, 4\n", 6, "names choice 4, but there is no such choice")]
    [InlineData("Q: a\nA: b\n\n---\n\nQ: a\nA: b\n```\nnever closed\n", 8, "never closed")]
    [InlineData("Q: a\nA: b\n\n---\n\n<!-- note_key: 0123456789ab -->\n<!-- note_key: 0123456789ac -->\nQ: a\nA: b\n", 7, "a second note_key comment")]
    public void BadNoteIsReportedWithFileAndLineAndTheRestLoads(string text, int line, string message)
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse(text + "\n---\n\nT: {{c1::last}} note\n", "Bad.md");

        CollectionError error = Assert.Single(deck.Errors);
        Assert.Equal("Bad.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Bad.md:{line}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["AnkiMcpQA", "AnkiMcpCloze"], deck.Notes.Select(n => n.NoteTypeName));
        Assert.False(deck.IsClean);
    }

    [Fact]
    public void DuplicateKeyInOneFileNamesBothLines()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("<!-- note_key: aaaaaaaaaaaa -->\nQ: a\nA: b\n\n---\n\n<!-- note_key: aaaaaaaaaaaa -->\nQ: c\nA: d\n");

        CollectionError error = Assert.Single(deck.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("already used by the note on line 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("a", Assert.Single(deck.Notes).Fields["Question"]);
        Assert.Equal(["aaaaaaaaaaaa"], deck.FailedNoteKeys);
    }

    [Fact]
    public void KeysOfFailedNotesAreKept()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("<!-- note_key: bbbbbbbbbbbb -->\nQ: a\nE: b\n");

        Assert.Empty(deck.Notes);
        Assert.Equal(["bbbbbbbbbbbb"], deck.FailedNoteKeys);
    }

    [Fact]
    public void TagsAreNormalised()
    {
        using TempCollection collection = new();
        DeckFile deck = collection.Parse("<!-- tags:  b a  b topic::sub -->\n<!--tags: c-->\nQ: a\nA: b\n");

        Assert.Equal(["a", "b", "c", "topic::sub"], Assert.Single(deck.Notes).Tags);
    }
}
