using System.Text;
using AnkiMcp.Core.Markdown.Media;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>Links → <c>&lt;a href&gt;</c>; images → <c>&lt;img src alt&gt;</c> with the media folder dropped from the
/// source (Anki keeps media flat) and <c>{width=N}</c> as an inline width style.</summary>
internal sealed class AnkiLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    protected override void Write(HtmlRenderer renderer, LinkInline obj)
    {
        if (obj.IsImage)
        {
            WriteImage(renderer, obj);
            return;
        }
        renderer.Write("<a href=\"");
        renderer.WriteAttributeValue(obj.GetDynamicUrl?.Invoke() ?? obj.Url ?? "");
        renderer.Write('"');
        WriteTitle(renderer, obj.Title);
        renderer.Write('>');
        renderer.WriteChildren(obj);
        renderer.Write("</a>");
    }

    private static void WriteImage(HtmlRenderer renderer, LinkInline image)
    {
        renderer.Write("<img src=\"");
        renderer.WriteAttributeValue(MediaFolder.ToAnkiFileName(image.Url ?? ""));
        renderer.Write("\" alt=\"");
        StringBuilder alt = new();
        AppendPlainText(alt, image);
        renderer.WriteAttributeValue(alt.ToString());
        renderer.Write('"');
        WriteTitle(renderer, image.Title);
        if (ImageWidthParser.WidthOf(image) is { } width)
            renderer.Write(" style=\"width: ").Write(width).Write("px;\"");
        renderer.Write('>');
    }

    private static void WriteTitle(HtmlRenderer renderer, string? title)
    {
        if (string.IsNullOrEmpty(title))
            return;
        renderer.Write(" title=\"");
        renderer.WriteAttributeValue(title);
        renderer.Write('"');
    }

    private static void AppendPlainText(StringBuilder text, ContainerInline container)
    {
        for (Inline? inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case MathInline math:
                    text.Append(math.Content);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline inner:
                    AppendPlainText(text, inner);
                    break;
            }
        }
    }
}
