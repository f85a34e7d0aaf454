using System.Text;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>The raw lines of a leaf block (code, HTML) joined by newlines.</summary>
internal static class LeafLines
{
    public static string Text(LeafBlock block)
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
}
