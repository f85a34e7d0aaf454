using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Anki field HTML → Markdown (AngleSharp parses the HTML). Maps back everything
/// <see cref="AnkiHtmlRenderer"/> writes, so Markdown → HTML → Markdown returns canonical Markdown unchanged; HTML
/// written in Anki's editor (<c>&lt;div&gt;</c> lines, <c>&lt;br&gt;</c>, <c>&lt;b&gt;</c>, styled spans) converges
/// to a fixed point after one cycle. Elements without a Markdown form stay as HTML.</summary>
public static class AnkiHtmlConverter
{
    private static readonly HtmlParser s_parser = new();

    public static string ToMarkdown(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains('<') && !html.Contains('&'))
            return MarkdownFlow.ConvertText(html);
        IElement context;
        INodeList nodes;
        lock (s_parser)
        {
            context = s_parser.ParseDocument(string.Empty).Body!;
            nodes = s_parser.ParseFragment(html, context);
        }
        return MarkdownFlow.Convert(nodes);
    }
}
