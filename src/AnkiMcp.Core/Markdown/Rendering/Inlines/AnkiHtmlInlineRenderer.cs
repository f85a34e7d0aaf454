using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>Raw inline HTML passes through, except a tag without a partner in its paragraph, which is shown as text
/// (see <see cref="HtmlTagBalance"/>).</summary>
internal sealed class AnkiHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj)
    {
        if (HtmlTagBalance.IsUnbalanced(obj))
            renderer.WriteText(obj.Tag);
        else
            renderer.Write(obj.Tag);
    }
}
