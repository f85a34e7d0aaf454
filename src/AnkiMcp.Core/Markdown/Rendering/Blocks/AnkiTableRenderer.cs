using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary>Pipe tables → <c>&lt;table&gt;</c> with a <c>&lt;thead&gt;</c> for header rows and alignment as inline
/// <c>text-align</c> styles.</summary>
internal sealed class AnkiTableRenderer : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table obj)
    {
        renderer.Write("<table>");
        bool inBody = false;
        bool headerOpen = false;
        foreach (Block rowBlock in obj)
        {
            if (rowBlock is not TableRow row)
                continue;
            if (row.IsHeader && !headerOpen && !inBody)
            {
                renderer.Write("<thead>");
                headerOpen = true;
            }
            else if (!row.IsHeader && !inBody)
            {
                if (headerOpen)
                    renderer.Write("</thead>");
                renderer.Write("<tbody>");
                inBody = true;
            }
            WriteRow(renderer, obj, row);
        }
        if (inBody)
            renderer.Write("</tbody>");
        else if (headerOpen)
            renderer.Write("</thead>");
        renderer.Write("</table>");
    }

    private static void WriteRow(HtmlRenderer renderer, Table table, TableRow row)
    {
        renderer.Write("<tr>");
        string cellTag = row.IsHeader ? "th" : "td";
        int column = 0;
        foreach (Block cellBlock in row)
        {
            TableCell cell = (TableCell)cellBlock;
            int index = cell.ColumnIndex > 0 ? cell.ColumnIndex : column;
            column++;
            renderer.Write('<').Write(cellTag);
            TableColumnAlign? align = index < table.ColumnDefinitions.Count ? table.ColumnDefinitions[index].Alignment : null;
            if (align is { } a)
                renderer.Write(" style=\"text-align: ").Write(a switch { TableColumnAlign.Left => "left", TableColumnAlign.Center => "center", _ => "right" }).Write(";\"");
            renderer.Write('>');
            BlockSequence.Write(renderer, cell);
            renderer.Write("</").Write(cellTag).Write('>');
        }
        renderer.Write("</tr>");
    }
}
