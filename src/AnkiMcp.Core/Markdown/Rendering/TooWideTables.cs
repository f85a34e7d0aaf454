using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>AnkiOps (mistune, like GFM) splits a table row at every unescaped <c>|</c>, inside code spans too, and takes
/// a table whose row then has more cells than its header for plain lines; Markdig keeps <c>`c | d`</c> in one cell and
/// makes a table. So that a field renders as AnkiOps renders it, such a table at the top of a field is read again
/// without tables: lines of text.</summary>
internal static class TooWideTables
{
    public static void Untable(MarkdownDocument document, string markdown, MarkdownPipeline withoutTables)
    {
        for (int index = document.Count - 1; index >= 0; index--)
        {
            if (document[index] is not Table table || table.Span.IsEmpty)
                continue;
            string source = markdown.Substring(table.Span.Start, Math.Min(table.Span.Length, markdown.Length - table.Span.Start));
            string[] rows = source.Split('\n');
            int header = CellCount(rows[0]);
            if (!rows.Skip(2).Any(row => CellCount(row) > header))
                continue;
            MarkdownDocument lines = Markdig.Markdown.Parse(source, withoutTables);
            document.RemoveAt(index);
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                Block block = lines[i];
                lines.RemoveAt(i);
                document.Insert(index, block);
            }
        }
    }

    private static int CellCount(string row)
    {
        ReadOnlySpan<char> line = row.AsSpan().Trim();
        if (line.StartsWith('|'))
            line = line[1..];
        if (line.EndsWith('|') && !line.EndsWith("\\|"))
            line = line[..^1];
        int cells = 1;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
                i++;
            else if (line[i] == '|')
                cells++;
        }
        return cells;
    }
}
