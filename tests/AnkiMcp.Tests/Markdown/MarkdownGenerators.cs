using FsCheck;
using FsCheck.Fluent;

namespace AnkiMcp.Tests.Markdown;

/// <summary>Generators of canonical Markdown (the dialect the converter writes) and of arbitrary, hostile text.</summary>
internal static class MarkdownGenerators
{
    private static Gen<List<T>> Between<T>(Gen<T> gen, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ListOf(gen, n)).Select(list => list.ToList());

    private static readonly Gen<string> s_word = Gen.Elements("alpha", "Beta", "gamma42", "x", "München", "日本語", "snake_case", "it's", "a-b", "(paren)", "end.", "C#", "50%", "café");

    private static readonly Gen<string> s_inline = Gen.OneOf(
        s_word,
        s_word,
        s_word.Select(w => $"**{w}**"),
        s_word.Select(w => $"*{w}*"),
        s_word.Select(w => $"~~{w}~~"),
        s_word.Select(w => $"=={w}=="),
        s_word.Select(w => $"`{w} {w}`"),
        Gen.Elements("\\(x^2 + y_1\\)", "\\(\\frac{a}{b}\\)", "\\[\\sum_{i=1}^n i\\]"),
        s_word.Select(w => $"{{{{c1::{w}}}}}"),
        s_word.Select(w => $"{{{{c2::{w}::hint}}}}"),
        s_word.Select(w => $"[{w}](https://example.com/{w.Length})"),
        s_word.Select(w => $"![{w}](media/img_0a1b2c3d.png)"),
        Gen.Choose(10, 900).Select(n => $"![](media/pic_deadbeef.png){{width={n}}}"),
        s_word.Select(w => $"<u>{w}</u>"),
        Gen.Constant("<https://example.org/path>"));

    private static readonly Gen<string> s_line = Between(s_inline, 1, 5).Select(parts => string.Join(" ", parts));

    private static readonly Gen<string> s_paragraph = Between(s_line, 1, 3).Select(lines => string.Join("\n", lines));

    private static readonly Gen<string> s_codeLine = Gen.Elements(
        "def f(x):", "    return x * 2  # twice", "const s = \"a {{c1::b}} c\";", "SELECT * FROM t WHERE a = 'x';",
        "if (a < b && c > d) { return; }", "", "  indented", "--- not a separator", "Q: not a label", "<div>html</div>", "\\(not math\\)");

    private static readonly Gen<string> s_code = Gen.Zip(Gen.Elements("", "python", "js", "csharp", "sql", "bash", "unknownlang"), Between(s_codeLine, 1, 4))
        .Select(t => $"```{t.Item1}\n{string.Join("\n", t.Item2).Trim('\n')}\n```")
        .Where(code => !code.Contains("\n\n```", StringComparison.Ordinal));

    private static readonly Gen<string> s_bulletList = Between(Gen.Zip(s_line, Gen.Elements(false, false, true)), 1, 3)
        .Select(items => string.Join("\n", items.Select(i => "- " + i.Item1 + (i.Item2 ? "\n  - nested " + i.Item1 : ""))));

    private static readonly Gen<string> s_orderedList = Gen.Zip(Gen.Elements(1, 1, 3), Between(s_line, 1, 3))
        .Select(t => string.Join("\n", t.Item2.Select((line, i) => $"{t.Item1 + i}. {line}")));

    private static readonly Gen<string> s_table = Gen.Zip(
            Gen.Zip(Gen.Elements("---", ":---", ":---:", "---:"), Between(s_word, 2, 2), (align, header) => (align, header)),
            Between(s_inline.Where(i => !i.Contains('|', StringComparison.Ordinal)), 2, 2),
            (head, cells) => $"| {head.header[0]} | {head.header[1]} |\n| {head.align} | --- |\n| {cells[0]} | {cells[1]} |");

    private static readonly Gen<(string Kind, string Text)> s_block = Gen.Frequency(
        (6, s_paragraph.Select(p => ("p", p))),
        (1, Gen.Zip(Gen.Choose(1, 3), s_line).Select(t => ("h", new string('#', t.Item1) + " " + t.Item2 + " end"))),
        (2, s_bulletList.Select(l => ("ul", l))),
        (1, s_orderedList.Select(l => ("ol", l))),
        (1, s_line.Select(l => ("q", "> " + l))),
        (2, s_code.Select(c => ("code", c))),
        (1, s_table.Select(t => ("table", t))),
        (1, Gen.Constant(("hr", "***"))));

    /// <summary>Canonical Markdown documents: blocks separated by one blank line (lists never directly follow a list).</summary>
    public static Gen<string> Canonical { get; } = Between(s_block, 1, 4).Select(blocks =>
    {
        List<string> kept = [];
        string? previous = null;
        foreach ((string kind, string text) in blocks)
        {
            if (previous is "ul" or "ol" && kind == previous)
                continue;
            kept.Add(text);
            previous = kind;
        }
        return string.Join("\n\n", kept);
    });

    /// <summary>Arbitrary text rich in Markdown and HTML syntax characters.</summary>
    public static Gen<string> Hostile { get; } = Between<char>(Gen.Frequency(
        (6, Gen.Elements('a', 'b', 'Z', '1', '2', ' ', ' ', '\n', '\n', 'é')),
        (6, Gen.Elements("*_`[]()<>!#~=|&\\{}-+.:;\"'^$%/".ToCharArray())),
        (1, Gen.Elements('\t', '\r', '\u00a0', '\u0000'))), 0, 80)
        .SelectMany(chars => Gen.Elements("", "{{c1::", "}}", "\\(", "\\)", "\\[", "\\]", "```", "\n\n", "<b>", "</b>", "![a](media/x.png){width=5}", "&amp;", "&#x41;", "<br>", "1. ", "- ", "> ", "# ")
            .Select(extra => new string([.. chars]) + extra + new string([.. chars.AsEnumerable().Reverse()])));

    /// <summary>Text that is plain prose or nearly so (numbers at line starts, list markers, odd white space and line
    /// breaks), where the renderer's plain-text shortcut has to decide exactly as Markdig does.</summary>
    public static Gen<string> NearlyPlain { get; } = Between(Gen.Frequency(
        (8, Gen.Elements("alpha", "Beta", "München", "it's", "a-b", "end.", "word", "2", "42", "1908", "1234567890", "Q", "→")),
        (4, Gen.Elements(" ", "\n", "\n\n", "  \n", " \n")),
        (3, Gen.Elements("1. ", "2) ", "1.", "3)", "12. ", "1234567890. ", "1, 3", "1,5", "2.5", "1:", "9 ", "- ", "+ ", "-", "+", "--", "---", "+1")),
        (2, Gen.Elements(",", ".", ")", "(", ":", "?", "{", "}", "'", "\"", "/", "%", "$", ";", "@", "é", "日本語")),
        (1, Gen.Elements("\u00a0", "\u2028", "\u2029", "\u0085", "\f", "\v", "\u3000", "\u2003"))), 0, 24)
        .Select(parts => string.Concat(parts));

    /// <summary>HTML of the kind Anki's editor and other tools produce.</summary>
    public static Gen<string> AnkiHtml { get; } = Between(Gen.OneOf(
        s_word,
        s_word.Select(w => " " + w),
        Gen.Elements("<br>", "<br>", "&nbsp;", "<div>", "</div>", "<div><br></div>"),
        s_word.Select(w => $"<b>{w}</b>"),
        s_word.Select(w => $"<i> {w}</i>"),
        s_word.Select(w => $"<u>{w}</u>"),
        s_word.Select(w => $"<span style=\"color: rgb(255, 0, 0);\">{w}</span>"),
        s_word.Select(w => $"<font color=\"#00f\">{w}</font>"),
        s_word.Select(w => $"<ul><li>{w}</li><li><b>{w}</b></li></ul>"),
        s_word.Select(w => $"<ol start=\"2\"><li>{w}</li></ol>"),
        s_word.Select(w => $"<img src=\"{w}.png\">"),
        s_word.Select(w => $"<a href=\"https://x.org/{w}\">{w}</a>"),
        s_word.Select(w => $"<pre><code class=\"language-python\"><span class=\"k\">def</span> {w}()</code></pre>"),
        s_word.Select(w => $"<table><tr><td>{w}</td><td>{w}</td></tr></table>"),
        s_word.Select(w => $"<p>{w}</p>"),
        s_word.Select(w => $"<h2>{w}</h2>"),
        Gen.Elements("*", "_", "#", "1.", "-", "`", "[x]", "\\", "&lt;b&gt;", "==", "~~")), 0, 12)
        .Select(parts => string.Concat(parts));
}
