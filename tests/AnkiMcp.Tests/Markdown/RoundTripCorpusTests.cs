using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Tests.Markdown;

public sealed class RoundTripCorpusTests
{
    public static TheoryData<string> Corpus() =>
    [
        "Plain text.",
        "Two lines\nin one paragraph.",
        "First paragraph.\n\nSecond paragraph.",
        "Some **bold**, *italic*, ~~struck~~ and ==marked== text.",
        "Inline `code` and ``code with ` tick``.",
        "# Heading\n\nText under it.",
        "## Second level",
        "- one\n- two\n  - nested\n  - nested too\n- three",
        "1. first\n2. second\n   1. inner\n3. third",
        "3. starts at three\n4. four",
        "Intro:\n\n- item",
        "> A quote\n> over two lines",
        "> Quote\n>\n> with two paragraphs",
        "```python\ndef f(x):\n    return x * 2  # double\n```",
        "```csharp\npublic sealed class A { string B => \"b\"; }\n```",
        "```sql\nSELECT name FROM users WHERE id = 1;\n```",
        "```\nno language\n```",
        "```js\nconst {{c1::answer}} = 42;\n```",
        "| a | b |\n| --- | --- |\n| 1 | 2 |",
        "| left | center | right |\n| :--- | :---: | ---: |\n| x | y | z |",
        "Inline math \\(x^2 + y_1\\) and display:\n\\[\\int_0^1 x\\,dx = \\frac{1}{2}\\]",
        "The {{c1::mitochondrion}} has its own {{c2::DNA::genome}}.",
        "![cristae](media/cristae_1a2b3c4d.png){width=400}",
        "![](media/plain_00000000.png)",
        "A [link](https://example.com) and <https://example.org>.",
        "A [titled link](https://example.com \"Title\").",
        "Raw <u>underline</u> and <sup>2</sup>.",
        "snake_case_name stays.",
        "***",
        "Before\n\n***\n\nAfter",
        "- item with `code`\n- item with **bold**",
        "Text\n\n```bash\necho \"$HOME\" # comment\n```\n\nMore text",
        "Escaped \\*stars\\* and 5 \\* 3.",
        "A line with a trailing number 1. fine",
        "\\# not a heading",
        "\\- not a list",
        "2024\\. not a list",
        "Fish & chips <3",
        "C:\\Users\\me",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void CanonicalMarkdownSurvivesRoundTrip(string markdown)
    {
        string html = AnkiHtmlRenderer.ToHtml(markdown);
        string back = AnkiHtmlConverter.ToMarkdown(html);
        Assert.Equal(markdown, back);
    }
}
