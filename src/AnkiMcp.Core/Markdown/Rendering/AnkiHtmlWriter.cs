using System.Buffers;
using System.Globalization;
using System.Text;
using AnkiMcp.Core.Markdown.Media;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Writes a parsed Markdown document as Anki field HTML (the mapping is documented on
/// <see cref="AnkiHtmlRenderer"/>).</summary>
internal sealed class AnkiHtmlWriter
{
    private static readonly SearchValues<char> s_wordEnd = SearchValues.Create(" \t{");

    private readonly StringBuilder _html = new();
    private HashSet<HtmlInline>? _unbalanced;

    public static string Write(MarkdownDocument document)
    {
        AnkiHtmlWriter writer = new();
        writer.WriteBlocks(document);
        return writer._html.ToString();
    }

    private void WriteBlocks(ContainerBlock container)
    {
        Block? previous = null;
        foreach (Block block in container)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
                continue;
            if (previous is ParagraphBlock && block is ParagraphBlock)
                _html.Append("<br><br>");
            WriteBlock(block);
            previous = block;
        }
    }

    private void WriteBlock(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                WriteLeafInlines(paragraph);
                break;
            case HeadingBlock heading:
                _html.Append("<h").Append(heading.Level).Append('>');
                WriteLeafInlines(heading);
                _html.Append("</h").Append(heading.Level).Append('>');
                break;
            case ThematicBreakBlock:
                _html.Append("<hr>");
                break;
            case QuoteBlock quote:
                _html.Append("<blockquote>");
                WriteBlocks(quote);
                _html.Append("</blockquote>");
                break;
            case ListBlock list:
                WriteList(list);
                break;
            case Table table:
                WriteTable(table);
                break;
            case HtmlBlock htmlBlock:
                _html.Append(Lines(htmlBlock));
                break;
            case FencedCodeBlock fenced:
                WriteCode(fenced, FirstWord(fenced.Info));
                break;
            case CodeBlock code:
                WriteCode(code, null);
                break;
            case ContainerBlock other:
                WriteBlocks(other);
                break;
            case LeafBlock leaf:
                WriteLeafInlines(leaf);
                break;
        }
    }

    private void WriteList(ListBlock list)
    {
        string tag = list.IsOrdered ? "ol" : "ul";
        _html.Append('<').Append(tag);
        if (list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out int start) && start != 1)
            _html.Append(" start=\"").Append(start).Append('"');
        _html.Append('>');
        foreach (Block item in list)
        {
            _html.Append("<li>");
            if (item is ContainerBlock container)
                WriteBlocks(container);
            _html.Append("</li>");
        }
        _html.Append("</").Append(tag).Append('>');
    }

    private void WriteTable(Table table)
    {
        _html.Append("<table>");
        bool inBody = false;
        bool headerOpen = false;
        foreach (Block rowBlock in table)
        {
            if (rowBlock is not TableRow row)
                continue;
            if (row.IsHeader && !headerOpen && !inBody)
            {
                _html.Append("<thead>");
                headerOpen = true;
            }
            else if (!row.IsHeader && !inBody)
            {
                if (headerOpen)
                    _html.Append("</thead>");
                _html.Append("<tbody>");
                inBody = true;
            }
            _html.Append("<tr>");
            string cellTag = row.IsHeader ? "th" : "td";
            int column = 0;
            foreach (Block cellBlock in row)
            {
                TableCell cell = (TableCell)cellBlock;
                int index = cell.ColumnIndex > 0 ? cell.ColumnIndex : column;
                column++;
                _html.Append('<').Append(cellTag);
                TableColumnAlign? align = index < table.ColumnDefinitions.Count ? table.ColumnDefinitions[index].Alignment : null;
                if (align is { } a)
                    _html.Append(" style=\"text-align: ").Append(a switch { TableColumnAlign.Left => "left", TableColumnAlign.Center => "center", _ => "right" }).Append(";\"");
                _html.Append('>');
                WriteBlocks(cell);
                _html.Append("</").Append(cellTag).Append('>');
            }
            _html.Append("</tr>");
        }
        if (inBody)
            _html.Append("</tbody>");
        else if (headerOpen)
            _html.Append("</thead>");
        _html.Append("</table>");
    }

    private void WriteCode(LeafBlock block, string? language)
    {
        _html.Append("<pre><code");
        if (language is not null)
        {
            _html.Append(" class=\"language-");
            HtmlText.AppendEscaped(_html, language, attribute: true);
            _html.Append('"');
        }
        _html.Append('>');
        CodeHighlighter.Append(_html, Lines(block), language);
        _html.Append("</code></pre>");
    }

    private void WriteInlines(ContainerInline? container)
    {
        for (Inline? inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            WriteInline(inline);
    }

    private void WriteLeafInlines(LeafBlock block)
    {
        _unbalanced = HtmlTagBalance.UnbalancedTags(block.Inline);
        WriteInlines(block.Inline);
        _unbalanced = null;
    }

    private void WriteInline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                HtmlText.AppendEscaped(_html, literal.Content.AsSpan());
                break;
            case MathInline math:
                HtmlText.AppendEscaped(_html, math.Content);
                break;
            case LineBreakInline:
                _html.Append("<br>");
                break;
            case CodeInline code:
                _html.Append("<code>");
                HtmlText.AppendEscaped(_html, code.Content);
                _html.Append("</code>");
                break;
            case EmphasisInline emphasis:
                string tag = (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
                {
                    ('~', _) => "s",
                    ('=', _) => "mark",
                    (_, 2) => "b",
                    _ => "i",
                };
                _html.Append('<').Append(tag).Append('>');
                WriteInlines(emphasis);
                _html.Append("</").Append(tag).Append('>');
                break;
            case LinkInline { IsImage: true } image:
                WriteImage(image);
                break;
            case LinkInline link:
                _html.Append("<a href=\"");
                HtmlText.AppendEscaped(_html, link.GetDynamicUrl?.Invoke() ?? link.Url ?? "", attribute: true);
                _html.Append('"');
                if (!string.IsNullOrEmpty(link.Title))
                {
                    _html.Append(" title=\"");
                    HtmlText.AppendEscaped(_html, link.Title, attribute: true);
                    _html.Append('"');
                }
                _html.Append('>');
                WriteInlines(link);
                _html.Append("</a>");
                break;
            case AutolinkInline autolink:
                _html.Append("<a href=\"");
                if (autolink.IsEmail)
                    _html.Append("mailto:");
                HtmlText.AppendEscaped(_html, autolink.Url, attribute: true);
                _html.Append("\">");
                HtmlText.AppendEscaped(_html, autolink.Url);
                _html.Append("</a>");
                break;
            case HtmlInline html when _unbalanced?.Contains(html) == true:
                HtmlText.AppendEscaped(_html, html.Tag);
                break;
            case HtmlInline html:
                _html.Append(html.Tag);
                break;
            case HtmlEntityInline entity:
                HtmlText.AppendEscaped(_html, entity.Transcoded.AsSpan());
                break;
            case DelimiterInline delimiter:
                HtmlText.AppendEscaped(_html, delimiter.ToLiteral());
                WriteInlines(delimiter);
                break;
            case ContainerInline container:
                WriteInlines(container);
                break;
        }
    }

    private void WriteImage(LinkInline image)
    {
        string url = image.Url ?? "";
        _html.Append("<img src=\"");
        HtmlText.AppendEscaped(_html, MediaFolder.ToAnkiFileName(url), attribute: true);
        _html.Append("\" alt=\"");
        StringBuilder alt = new();
        AppendPlainText(alt, image);
        HtmlText.AppendEscaped(_html, alt.ToString(), attribute: true);
        _html.Append('"');
        if (!string.IsNullOrEmpty(image.Title))
        {
            _html.Append(" title=\"");
            HtmlText.AppendEscaped(_html, image.Title, attribute: true);
            _html.Append('"');
        }
        if (image.GetData(typeof(ImageWidth)) is ImageWidth width)
            _html.Append(" style=\"width: ").Append(width.Value).Append("px;\"");
        _html.Append('>');
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

    private static string Lines(LeafBlock block)
    {
        StringBuilder text = new();
        for (int i = 0; i < block.Lines.Count; i++)
        {
            if (i > 0)
                text.Append('\n');
            text.Append(block.Lines.Lines[i].Slice.AsSpan());
        }
        return text.ToString();
    }

    private static string? FirstWord(string? info)
    {
        if (string.IsNullOrWhiteSpace(info))
            return null;
        string trimmed = info.Trim();
        int space = trimmed.AsSpan().IndexOfAny(s_wordEnd);
        return space < 0 ? trimmed : space == 0 ? null : trimmed[..space];
    }
}
