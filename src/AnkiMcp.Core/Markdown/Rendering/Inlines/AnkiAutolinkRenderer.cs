using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary><c>&lt;https://x&gt;</c> and <c>&lt;a@b.c&gt;</c> → a link showing the address.</summary>
internal sealed class AnkiAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
    {
        renderer.Write("<a href=\"");
        if (obj.IsEmail)
            renderer.Write("mailto:");
        renderer.WriteAttributeValue(obj.Url);
        renderer.Write("\">");
        renderer.WriteText(obj.Url);
        renderer.Write("</a>");
    }
}
