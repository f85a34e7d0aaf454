using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary><c>&gt; quote</c> → <c>&lt;blockquote&gt;</c> around the quote's blocks.</summary>
internal sealed class AnkiQuoteRenderer : HtmlObjectRenderer<QuoteBlock>
{
    protected override void Write(HtmlRenderer renderer, QuoteBlock obj)
    {
        renderer.Write("<blockquote>");
        BlockSequence.Write(renderer, obj);
        renderer.Write("</blockquote>");
    }
}
