using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary><c>***</c> → <c>&lt;hr&gt;</c>.</summary>
internal sealed class AnkiThematicBreakRenderer : HtmlObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(HtmlRenderer renderer, ThematicBreakBlock obj) => renderer.Write("<hr>");
}
