using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>A delimiter that found no partner is its own text, followed by what it holds.</summary>
internal sealed class AnkiDelimiterRenderer : HtmlObjectRenderer<DelimiterInline>
{
    protected override void Write(HtmlRenderer renderer, DelimiterInline obj)
    {
        renderer.WriteText(obj.ToLiteral());
        renderer.WriteChildren(obj);
    }
}
