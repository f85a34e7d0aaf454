using System.Buffers;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>A shortcut for the common field that is plain prose: when no character or line start could mean
/// Markdown syntax, the HTML is the text with line breaks as <c>&lt;br&gt;</c> and blank lines as paragraph breaks —
/// exactly what Markdig would produce, at a fraction of the cost. A one-line field is its own HTML, so nothing is
/// allocated for it.</summary>
internal static class PlainText
{
    // Markdig breaks lines at '\n' and '\r' only; the other characters .NET reads as line or page breaks are refused so
    // that a line here is a line there.
    private static readonly SearchValues<char> s_syntax = SearchValues.Create("\\`*_[]<>!#~=^|&\r\0\t\v\f\u0085\u2028\u2029");

    public static string? TryRender(string markdown)
    {
        ReadOnlySpan<char> text = markdown;
        if (text.ContainsAny(s_syntax))
            return null;
        if (!text.Contains('\n'))
        {
            if (IsBlank(text))
                return "";
            if (!IsPlainLine(text))
                return null;
            return text[^1] == ' ' ? text.TrimEnd(' ').ToString() : markdown;
        }
        int length = 0;
        bool written = false, blank = false;
        foreach (Range range in text.Split('\n'))
        {
            ReadOnlySpan<char> line = text[range];
            if (IsBlank(line))
            {
                blank = true;
                continue;
            }
            if (!IsPlainLine(line))
                return null;
            if (written)
                length += blank ? "<br><br>".Length : "<br>".Length;
            length += line.TrimEnd(' ').Length;
            written = true;
            blank = false;
        }
        return string.Create(length, markdown, static (html, markdown) =>
        {
            int at = 0;
            bool written = false, blank = false;
            ReadOnlySpan<char> text = markdown;
            foreach (Range range in text.Split('\n'))
            {
                ReadOnlySpan<char> line = text[range];
                if (IsBlank(line))
                {
                    blank = true;
                    continue;
                }
                if (written)
                {
                    string separator = blank ? "<br><br>" : "<br>";
                    separator.CopyTo(html[at..]);
                    at += separator.Length;
                }
                ReadOnlySpan<char> kept = line.TrimEnd(' ');
                kept.CopyTo(html[at..]);
                at += kept.Length;
                written = true;
                blank = false;
            }
        });
    }

    // Markdig's blank line holds only spaces and tabs (tabs never get here); other white space makes a paragraph.
    private static bool IsBlank(ReadOnlySpan<char> line) => !line.ContainsAnyExcept(' ');

    private static bool IsPlainLine(ReadOnlySpan<char> line)
    {
        char first = line[0];
        if (first is '-' or '+' || char.IsWhiteSpace(first) || IsListNumber(line))
            return false;
        return !line.EndsWith("  ");
    }

    // An ordered list item starts with up to nine digits and '.' or ')'; digits followed by anything else are text
    // ("2", "1, 3", "1908 was").
    private static bool IsListNumber(ReadOnlySpan<char> line)
    {
        int digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }
}
