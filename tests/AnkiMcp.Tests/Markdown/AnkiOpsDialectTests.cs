using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Tests.Markdown;

/// <summary>The expectations AnkiOps 0.6.6's converter tests state (tests/unit/conversion/test_converters.py), on
/// inputs written for this test: where ankimcp writes the same HTML, it is compared byte for byte; where it spells the
/// same thing differently (<c>&lt;b&gt;</c> for <c>&lt;strong&gt;</c>, no newlines between list items), AnkiOps's HTML
/// must read back to Markdown that renders as ours does, so that the sync counts the note as unchanged.</summary>
public sealed class AnkiOpsDialectTests
{
    public static TheoryData<string, string> SameHtml => new()
    {
        { "# Title\n\nText", "<h1>Title</h1>Text" },
        { "Line 1\n\nLine 2", "Line 1<br><br>Line 2" },
        { "A --> B", "A \u2192 B" },
        { "A ==> B", "A \u21D2 B" },
        { "A =/= B", "A \u2260 B" },
        { "H~2~O and x^2^", "H<sub>2</sub>O and x<sup>2</sup>" },
        { "![Alt](<media/photo.jpg>){width=300}", "<img src=\"photo.jpg\" alt=\"Alt\" style=\"width: 300px;\">" },
        { "[Wiki](https://example.com/Python_(programming_language))", "<a href=\"https://example.com/Python_(programming_language)\">Wiki</a>" },
        { "{{c1::hidden}}", "{{c1::hidden}}" },
        { "<u>underlined</u>", "<u>underlined</u>" },
        { "\\\\[\\sigma^2=\\frac{1}{N} \\sum_{i=1}^N\\left(x_i-\\mu\\right)^2\\]", "\\[\\sigma^2=\\frac{1}{N} \\sum_{i=1}^N\\left(x_i-\\mu\\right)^2\\]" },
        { "\\\\[\\sigma^2=\\frac{1}{N} \\sum_{i=1}^N\\left(x_i-\\mu\\right)^2\\\\]", "\\[\\sigma^2=\\frac{1}{N} \\sum_{i=1}^N\\left(x_i-\\mu\\right)^2\\]" },
        { "| A | B |\n| --- | --- |\n| a \\| b | `c | d` |", "| A | B |<br>| --- | --- |<br>| a | b | <code>c | d</code> |" },
        { "> called. [[13]](<https://en.wikipedia.org/wiki/Pygmalion#cite_note-13>)", "<blockquote>called. <a href=\"https://en.wikipedia.org/wiki/Pygmalion#cite_note-13\">[13]</a></blockquote>" },
    };

    [Theory]
    [MemberData(nameof(SameHtml))]
    public void Markdown_RendersAsAnkiOpsRendersIt(string markdown, string html) =>
        Assert.Equal(html, AnkiHtmlRenderer.ToHtml(markdown));

    public static TheoryData<string, string> SameMeaning => new()
    {
        { "- Item 1\n- Item 2\n\nAfter", "<ul>\n<li>Item 1</li>\n<li>Item 2</li>\n</ul>\n<br><br>After" },
        { "**Bold**, *italic*, ~~strike~~", "<strong>Bold</strong>, <em>italic</em>, <del>strike</del>" },
        { "> quoted lines,\n> and a second one,", "<blockquote>\nquoted lines,<br>and a second one,</blockquote>\n" },
        { "```python\nprint('hello')\n```", "<pre><code class=\"language-python\"><span class=\"nb\">print</span><span class=\"p\">(</span><span class=\"s1\">&#39;hello&#39;</span><span class=\"p\">)</span>\n</code></pre>" },
        {
            "| Short | Long heading |\n| --- | --- |\n| a | bbb |",
            "<table>\n<thead>\n<tr>\n  <th>Short</th>\n  <th>Long heading</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n  <td>a</td>\n  <td>bbb</td>\n</tr>\n</tbody>\n</table>\n"
        },
    };

    [Theory]
    [MemberData(nameof(SameMeaning))]
    public void AnkiOpsHtml_ReadsBackToMarkdownThatRendersAsOurs(string markdown, string ankiOpsHtml) =>
        Assert.Equal(AnkiHtmlRenderer.ToHtml(markdown), AnkiHtmlRenderer.ToHtml(AnkiHtmlConverter.ToMarkdown(ankiOpsHtml)));

    [Theory]
    [InlineData("+ Literal Plus", "\\+ Literal Plus")]
    [InlineData("# Literal Hash", "\\# Literal Hash")]
    [InlineData("* Literal Asterisk", "\\* Literal Asterisk")]
    public void AnkiTextThatLooksLikeMarkdown_StaysLiteral(string html, string markdown)
    {
        Assert.Equal(markdown, AnkiHtmlConverter.ToMarkdown(html));
        Assert.Equal(html, AnkiHtmlRenderer.ToHtml(markdown));
    }

    [Fact]
    public void ACitationLink_ReadsBackWithItsBrackets_AndRendersAsALinkAgain()
    {
        string html = "<blockquote>called. <a href=\"https://en.wikipedia.org/wiki/Pygmalion#cite_note-13\">[13]</a><br>from Pygmalion</blockquote>";

        string markdown = AnkiHtmlConverter.ToMarkdown(html);

        Assert.Equal("> called. [[13]](https://en.wikipedia.org/wiki/Pygmalion#cite_note-13)\n> from Pygmalion", markdown);
        Assert.Equal(html, AnkiHtmlRenderer.ToHtml(markdown));
    }

    [Theory]
    [InlineData("A --&gt; B, A ==&gt; B, A =/= B")]
    [InlineData("H~2~O and x^2^")]
    [InlineData("a ~ b ^ c")]
    public void AnkiTextThatWouldTurnIntoArrowsOrScripts_IsEscaped(string html) =>
        Assert.Equal(html, AnkiHtmlRenderer.ToHtml(AnkiHtmlConverter.ToMarkdown(html)));

    [Theory]
    [InlineData("\\[\\]\\]")]
    [InlineData("\\[0\\]\\]")]
    [InlineData("\\[0\\]\\\\]")]
    public void EscapedBracketSuffixes_SettleAfterOneCycle(string markdown)
    {
        string first = AnkiHtmlConverter.ToMarkdown(AnkiHtmlRenderer.ToHtml(markdown));

        Assert.Equal(first, AnkiHtmlConverter.ToMarkdown(AnkiHtmlRenderer.ToHtml(first)));
    }
}
