using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary><c>`code`</c> → <c>&lt;code&gt;code&lt;/code&gt;</c>.</summary>
internal sealed class AnkiCodeInlineRenderer : HtmlObjectRenderer<CodeInline>
{
    protected override void Write(HtmlRenderer renderer, CodeInline obj)
    {
        renderer.Write("<code>");
        renderer.WriteText(obj.Content);
        renderer.Write("</code>");
    }
}
