using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>The raw lines of a leaf block (code, HTML) joined by newlines.</summary>
internal static class LeafLines
{
    public static string Text(LeafBlock block)
    {
        int count = block.Lines.Count;
        if (count == 0)
            return "";
        int length = count - 1;
        for (int i = 0; i < count; i++)
            length += block.Lines.Lines[i].Slice.Length;
        // Written straight into the string: no builder to grow and copy.
        return string.Create(length, block, static (text, block) =>
        {
            int at = 0;
            for (int i = 0; i < block.Lines.Count; i++)
            {
                if (i > 0)
                    text[at++] = '\n';
                ReadOnlySpan<char> line = block.Lines.Lines[i].Slice.AsSpan();
                line.CopyTo(text[at..]);
                at += line.Length;
            }
        });
    }
}
