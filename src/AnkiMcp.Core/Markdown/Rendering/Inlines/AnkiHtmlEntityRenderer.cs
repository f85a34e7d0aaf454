using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>An entity such as <c>&amp;copy;</c> as the character it stands for (escaped where HTML needs it).</summary>
internal sealed class AnkiHtmlEntityRenderer : HtmlObjectRenderer<HtmlEntityInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlEntityInline obj) => renderer.WriteText(obj.Transcoded.AsSpan());
}
