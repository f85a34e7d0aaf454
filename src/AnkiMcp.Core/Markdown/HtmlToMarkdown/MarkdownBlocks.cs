using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Converts block-level HTML elements (headings, rules, code, quotes, lists, tables) to Markdown.</summary>
internal static class MarkdownBlocks
{
    /// <summary>Whether <see cref="Convert"/> handles the element.</summary>
    public static bool IsBlock(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "hr" or "pre" or "blockquote" or "ul" or "ol" or "table";

    /// <summary>Whether a block element is somewhere inside <paramref name="element"/>.</summary>
    public static bool ContainsBlock(IElement element) =>
        element.Children.Length > 0 && element.QuerySelector("h1,h2,h3,h4,h5,h6,hr,pre,blockquote,ul,ol,table,p") is not null;

    /// <summary>The Markdown for a block element ("" when it has nothing to show). <paramref name="alternateMarker"/> writes a list with <c>*</c> or <c>1)</c> markers, so that it stays
    /// apart from a list right before it.</summary>
    public static string Convert(IElement element, bool alternateMarker = false) => element.LocalName switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => Heading(element, element.LocalName[1] - '0'),
        "hr" => "***",
        "pre" => Code(element),
        "blockquote" => Quote(element),
        "ul" or "ol" => List(element, alternateMarker),
        "table" => Table(element),
        _ => throw new ArgumentException($"<{element.LocalName}> is not a block element.", nameof(element)),
    };

    /// <summary>The number of the first item of an ordered list.</summary>
    public static int ListStart(IElement list) =>
        int.TryParse(list.GetAttribute("start"), NumberStyles.None, CultureInfo.InvariantCulture, out int start) ? start : 1;

    private static string Heading(IElement element, int level)
    {
        StringBuilder content = new();
        content.Append('#', level).Append(' ');
        int start = content.Length;
        InlineMarkdown.AppendNodes(content, element.ChildNodes, default);
        content.Replace('\n', ' ', start, content.Length - start);
        string text = content.ToString().TrimEnd();
        if (text.Length == start - 1)
            return text;
        return text.EndsWith('#') ? text[..^1] + "\\#" : text;
    }

    private static string Code(IElement pre)
    {
        IElement code = pre.Children.Length == 1 && pre.Children[0].LocalName == "code" && pre.ChildNodes.Length == 1 ? pre.Children[0] : pre;
        string? language = Language(code) ?? Language(pre);
        StringBuilder text = new();
        AppendCodeText(text, code);
        if (text.Length > 0 && text[^1] == '\n')
            text.Length--;
        string body = text.ToString();
        int fence = 3;
        foreach (string line in body.Split('\n'))
        {
            string trimmed = line.TrimStart();
            int run = trimmed.Length - trimmed.TrimStart('`').Length;
            if (run >= fence)
                fence = run + 1;
        }
        string marker = new('`', fence);
        return body.Length == 0 ? $"{marker}{language}\n{marker}" : $"{marker}{language}\n{body}\n{marker}";
    }

    private static string? Language(IElement element)
    {
        foreach (string name in element.ClassList)
        {
            if (name.StartsWith("language-", StringComparison.Ordinal) && name.Length > 9 && !name.Contains('`'))
                return name[9..];
        }
        return null;
    }

    private static void AppendCodeText(StringBuilder text, INode node)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText t)
                text.Append(t.Data);
            else if (child is IElement { LocalName: "br" })
                text.Append('\n');
            else
                AppendCodeText(text, child);
        }
    }

    private static string Quote(IElement element)
    {
        string inner = MarkdownFlow.Convert(element.ChildNodes);
        if (inner.Length == 0)
            return ">";
        return string.Join('\n', inner.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
    }

    private static string List(IElement element, bool alternateMarker)
    {
        bool ordered = element.LocalName == "ol";
        int number = ListStart(element);
        StringBuilder markdown = new();
        foreach (IElement item in element.Children)
        {
            string marker = ordered ? number.ToString(CultureInfo.InvariantCulture) + (alternateMarker ? ")" : ".") : alternateMarker ? "*" : "-";
            number++;
            string content = MarkdownFlow.Convert(item.LocalName == "li" ? item.ChildNodes : [item], inListItem: true);
            if (content.Length == 0)
                continue;
            if (markdown.Length > 0)
                markdown.Append('\n');
            markdown.Append(marker);
            string indent = new(' ', marker.Length + 1);
            string[] lines = content.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (i == 0)
                {
                    if (lines[0].Length > 0)
                        markdown.Append(' ').Append(lines[0]);
                    continue;
                }
                markdown.Append('\n');
                if (lines[i].Length > 0)
                    markdown.Append(indent).Append(lines[i]);
            }
        }
        return markdown.ToString();
    }

    private static string Table(IElement table)
    {
        List<IElement> rows = [.. table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table)];
        if (rows.Count == 0)
            return "";
        List<List<string>> cells = [];
        List<string> alignments = [];
        foreach (IElement row in rows)
        {
            List<string> rowCells = [];
            foreach (IElement cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                StringBuilder content = new();
                InlineMarkdown.AppendNodes(content, cell.ChildNodes, new InlineContext(InLinkText: false, InTable: true));
                rowCells.Add(content.ToString().Trim());
                if (row == rows[0])
                    alignments.Add(Alignment(cell));
            }
            cells.Add(rowCells);
        }
        int columns = Math.Max(1, cells.Max(r => r.Count));
        while (alignments.Count < columns)
            alignments.Add("---");
        StringBuilder markdown = new();
        AppendRow(markdown, cells[0], columns);
        markdown.Append('\n');
        AppendRow(markdown, alignments, columns);
        foreach (List<string> row in cells.Skip(1))
        {
            markdown.Append('\n');
            AppendRow(markdown, row, columns);
        }
        return markdown.ToString();
    }

    private static void AppendRow(StringBuilder markdown, List<string> cells, int columns)
    {
        markdown.Append('|');
        for (int i = 0; i < columns; i++)
            markdown.Append(' ').Append(i < cells.Count ? cells[i] : "").Append(" |");
    }

    private static string Alignment(IElement cell)
    {
        string style = (cell.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        string align = cell.GetAttribute("align")?.ToLowerInvariant() ?? "";
        if (style.Contains("text-align:center", StringComparison.Ordinal) || align == "center")
            return ":---:";
        if (style.Contains("text-align:right", StringComparison.Ordinal) || align == "right")
            return "---:";
        if (style.Contains("text-align:left", StringComparison.Ordinal) || align == "left")
            return ":---";
        return "---";
    }
}
