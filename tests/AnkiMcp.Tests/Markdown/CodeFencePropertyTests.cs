using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Markdown.Rendering;
using FsCheck;
using FsCheck.Fluent;
using Markdig.Syntax;

namespace AnkiMcp.Tests.Markdown;

/// <summary>The deck-file parser and Markdig agree on code: whatever Markdig reads as a code block inside a field stays in
/// that field, however much of it looks like labels, separators or metadata comments.</summary>
public sealed class CodeFencePropertyTests : IDisposable
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true);

    private static readonly string[] s_hostile =
    [
        "Q: not a label", "A:", "\n---\n", "E: extra?", "\\Q: escaped", "T: some text", "---", "", "", "<!-- tags: nope -->",
        "<!-- note_key: 0123456789ab -->", "<!-- note_type: AnkiMcpQA -->", "    ```", "    ~~~", "\t```", "``", "``` info",
        "~~~ info", "```", "~~~", "````", "  code", "plain code",
    ];

    private static readonly Gen<string> s_text = Gen.Elements("Some text.", "More *text* here", "1 + 1 = 2", "A [link](https://x.org)", "`inline`");

    private static readonly Gen<List<string>> s_hostileLines =
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Elements(s_hostile), n)).Select(lines => lines.SelectMany(l => l.Split('\n')).ToList());

    /// <summary>A fence at the top level, with lines that look like deck-file syntax or like (non-)closing fences.</summary>
    private static readonly Gen<string> s_topFence =
        from indent in Gen.Elements("", " ", "  ", "   ")
        from c in Gen.Elements('`', '~')
        from length in Gen.Choose(3, 5)
        from info in Gen.Elements("", "python", "text")
        from inner in s_hostileLines
        from closeIndent in Gen.Elements("", " ", "   ")
        from extra in Gen.Choose(0, 2)
        from trailing in Gen.Elements("", "  ")
        select string.Join("\n", [indent + new string(c, length) + info, .. inner, closeIndent + new string(c, length + extra) + trailing]);

    /// <summary>A fence in a list item or quote, closed or ended by its container.</summary>
    private static readonly Gen<string> s_nestedFence =
        from marker in Gen.Elements("- ", "1. ", "> ", "* ")
        from c in Gen.Elements("```", "~~~")
        from inner in s_hostileLines
        from closed in Gen.Elements(true, false)
        let continuation = marker == "> " ? "> " : new string(' ', marker.Length)
        select string.Join("\n", [marker + c, .. inner.Select(line => continuation + line), .. closed ? new[] { continuation + c } : []]);

    private static readonly Gen<string> s_indentedCode = s_hostileLines.Select(inner => "\n" + string.Join("\n", inner.Select(line => "    " + (line.Length == 0 ? "x" : line))));

    private static readonly Gen<string> s_value =
        from count in Gen.Choose(1, 4)
        from blocks in Gen.ListOf(Gen.Frequency((3, s_topFence), (2, s_nestedFence), (1, s_indentedCode), (2, s_text)), count)
        from separator in Gen.Elements("\n", "\n\n")
        let value = string.Join(separator, blocks).Trim('\n')
        where value.Length > 0
        select value;

    private readonly TempCollection _collection = new();
    private readonly NoteTypeRegistry _types;

    public CodeFencePropertyTests() => _types = _collection.Types;

    public void Dispose() => _collection.Dispose();

    [Fact]
    public void CodeBlocksWrittenByHandStayInTheirField() =>
        Check.One(s_config, Prop.ForAll(s_value.Where(v => !HasUnclosedTopLevelFence(v) && OnlyCodeLooksLikeSyntax(v)).ToArbitrary(), (string value) =>
        {
            DeckFile deck = DeckFileParser.Parse("Deck.md", $"Q: q\nA:\n{value}\nE: tail\n\n---\n\nQ: next\nA: answer\n", _types);

            string? answer = deck.Notes.Count > 0 ? deck.Notes[0].Fields["Answer"] : null;
            Assert.True(deck.Errors.Count == 0 && deck.Notes.Count == 2 && answer == value.TrimEnd() && deck.Notes[0].Fields["Extra"] == "tail",
                $"field {Show(value)} read back as {Show(answer)}, errors: {string.Join("; ", deck.Errors)}");
        }));

    [Fact]
    public void WrittenFieldsReadBackAsTheSameMarkdown() =>
        Check.One(s_config, Prop.ForAll(s_value.Where(v => !HasUnclosedTopLevelFence(v) && !HasMetadataOutsideCode(v)).ToArbitrary(), (string value) =>
        {
            MarkdownNote note = new(null, "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = "q", ["Answer"] = value, ["Extra"] = "tail" }, [], 0);
            string text = DeckFileWriter.Render([note, note], _types);

            DeckFile deck = DeckFileParser.Parse("Deck.md", text, _types);

            // A field's trailing white space is not kept (nor, with it, a blank last line of code).
            string? answer = deck.Notes.Count > 0 ? deck.Notes[0].Fields["Answer"] : null;
            Assert.True(deck.Errors.Count == 0 && deck.Notes.Count == 2 && deck.Notes[0].Fields["Extra"] == "tail"
                && AnkiHtmlRenderer.ToHtml(value.TrimEnd()) == AnkiHtmlRenderer.ToHtml(answer!),
                $"field {Show(value)} written as {Show(text)} read back as {Show(answer)}, errors: {string.Join("; ", deck.Errors)}");
        }));

    [Fact]
    public void AFenceNeverClosedIsReportedAndTheNextNoteStillLoads()
    {
        DeckFile deck = DeckFileParser.Parse("Deck.md", "Q: a\nA:\n```\ncode\n    ```\n\n---\n\nQ: b\nA: c\n", _types);

        Assert.Contains(deck.Errors, e => e.Line == 3 && e.Message.Contains("never closed", StringComparison.Ordinal));
        Assert.Equal("c", Assert.Single(deck.Notes).Fields["Answer"]);
    }

    private static string Show(string? text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static HashSet<int> CodeLines(string value)
    {
        HashSet<int> lines = [];
        foreach (CodeBlock code in Markdig.Markdown.Parse(value, AnkiHtmlRenderer.Pipeline).Descendants<CodeBlock>())
        {
            int count = code.Lines.Count + (code is FencedCodeBlock fenced ? 1 + (fenced.ClosingFencedCharCount > 0 ? 1 : 0) : 0);
            for (int i = 0; i < count; i++)
                lines.Add(code.Line + i);
        }
        return lines;
    }

    private static bool HasUnclosedTopLevelFence(string value) =>
        Markdig.Markdown.Parse(value, AnkiHtmlRenderer.Pipeline).OfType<FencedCodeBlock>().Any(f => f.ClosingFencedCharCount == 0);

    private bool OnlyCodeLooksLikeSyntax(string value)
    {
        HashSet<int> code = CodeLines(value);
        string[] lines = value.Split('\n');
        return Enumerable.Range(0, lines.Length).All(i => code.Contains(i) || !LooksLikeSyntax(lines[i], i > 0 && lines[i - 1].Length == 0));
    }

    private static bool HasMetadataOutsideCode(string value)
    {
        HashSet<int> code = CodeLines(value);
        return value.Split('\n').Where((line, i) => !code.Contains(i) && line.TrimStart().StartsWith("<!--", StringComparison.Ordinal)).Any();
    }

    private bool LooksLikeSyntax(string line, bool afterBlank) =>
        line.TrimStart().StartsWith("<!--", StringComparison.Ordinal) || (afterBlank && line.TrimEnd() == "---")
        || _types.Types.SelectMany(t => t.LabelledFields).Any(f => line.TrimStart('\\').StartsWith(f.Label + " ", StringComparison.Ordinal) || line.TrimStart('\\') == f.Label);
}
