using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary>A paragraph as its bare inlines: Anki fields hold no <c>&lt;p&gt;</c>.</summary>
internal sealed class AnkiParagraphRenderer : HtmlObjectRenderer<ParagraphBlock>
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        DanglingDelimiters.Flatten(obj.Inline);
        HtmlTagBalance.MarkUnbalanced(obj.Inline);
        renderer.WriteLeafInline(obj);
    }
}
