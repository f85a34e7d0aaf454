using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>A MathJax span, delimiters included, for MathJax to typeset in Anki.</summary>
internal sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj) => renderer.WriteText(obj.Content);
}
