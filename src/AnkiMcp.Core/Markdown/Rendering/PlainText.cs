using System.Buffers;
using System.Text;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>A shortcut for the common field that is plain prose: when no character or line start could mean
/// Markdown syntax, the HTML is the text with line breaks as <c>&lt;br&gt;</c> and blank lines as paragraph breaks —
/// exactly what Markdig would produce, at a fraction of the cost.</summary>
internal static class PlainText
{
    private static readonly SearchValues<char> s_syntax = SearchValues.Create("\\`*_[]<>!#~=^|&\r\0\t");

    public static string? TryRender(string markdown)
    {
        if (markdown.AsSpan().ContainsAny(s_syntax))
            return null;
        StringBuilder html = new(markdown.Length + 16);
        bool pendingBreak = false;
        bool blank = false;
        foreach (ReadOnlySpan<char> line in markdown.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                blank = true;
                continue;
            }
            if (!IsPlainLine(line))
                return null;
            if (pendingBreak)
                html.Append(blank ? "<br><br>" : "<br>");
            html.Append(line.TrimEnd(' '));
            pendingBreak = true;
            blank = false;
        }
        return html.ToString();
    }

    private static bool IsPlainLine(ReadOnlySpan<char> line)
    {
        char first = line[0];
        if (first is '-' or '+' || char.IsAsciiDigit(first) || char.IsWhiteSpace(first))
            return false;
        return !line.EndsWith("  ");
    }
}
