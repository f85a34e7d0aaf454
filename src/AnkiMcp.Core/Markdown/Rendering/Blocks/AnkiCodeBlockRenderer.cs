using System.Buffers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary>Fenced and indented code → <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c>, highlighted at render time
/// (see <see cref="CodeHighlighter"/>).</summary>
internal sealed class AnkiCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    private static readonly SearchValues<char> s_wordEnd = SearchValues.Create(" \t{");

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        string? language = obj is FencedCodeBlock fenced ? FirstWord(fenced.Info) : null;
        renderer.Write("<pre><code");
        if (language is not null)
        {
            renderer.Write(" class=\"language-");
            renderer.WriteAttributeValue(language);
            renderer.Write('"');
        }
        renderer.Write('>');
        renderer.Write(CodeHighlighter.Highlight(LeafLines.Text(obj), language));
        renderer.Write("</code></pre>");
    }

    private static string? FirstWord(string? info)
    {
        if (string.IsNullOrWhiteSpace(info))
            return null;
        string trimmed = info.Trim();
        int space = trimmed.AsSpan().IndexOfAny(s_wordEnd);
        return space < 0 ? trimmed : space == 0 ? null : trimmed[..space];
    }
}
