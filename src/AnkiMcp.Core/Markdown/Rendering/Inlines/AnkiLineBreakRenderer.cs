using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>Every line break inside a paragraph, soft or hard, is a <c>&lt;br&gt;</c>, as in Anki's editor.</summary>
internal sealed class AnkiLineBreakRenderer : HtmlObjectRenderer<LineBreakInline>
{
    protected override void Write(HtmlRenderer renderer, LineBreakInline obj) => renderer.Write("<br>");
}
