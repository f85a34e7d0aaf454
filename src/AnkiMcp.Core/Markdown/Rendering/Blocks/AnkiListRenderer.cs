using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary>Bullet and numbered lists; a numbered list that does not start at 1 keeps its start.</summary>
internal sealed class AnkiListRenderer : HtmlObjectRenderer<ListBlock>
{
    protected override void Write(HtmlRenderer renderer, ListBlock obj)
    {
        if (!obj.IsOrdered)
            renderer.Write("<ul>");
        else if (int.TryParse(obj.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out int start) && start != 1)
            renderer.Write("<ol start=\"").Write(start.ToString(CultureInfo.InvariantCulture)).Write("\">");
        else
            renderer.Write("<ol>");
        foreach (Block item in obj)
        {
            renderer.Write("<li>");
            if (item is ContainerBlock container)
                BlockSequence.Write(renderer, container);
            renderer.Write("</li>");
        }
        renderer.Write(obj.IsOrdered ? "</ol>" : "</ul>");
    }
}
