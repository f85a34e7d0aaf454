using System.Buffers;
using System.Text;

namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Writes HTML text as Markdown text that renders back to the same characters: backslash escapes only where a
/// character could start Markdown syntax at that place, and MathJax spans copied verbatim.</summary>
internal static class MarkdownEscaper
{
    private static readonly SearchValues<char> s_alphanumeric = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Appends <paramref name="value"/>. Line starts are where <paramref name="output"/> is empty or ends with a
    /// newline; white space there is dropped (Markdown would drop it). <paramref name="inLinkText"/> also escapes
    /// <c>]</c>; <paramref name="inTable"/> also escapes <c>|</c>. <paramref name="continued"/> says that inline
    /// content follows on the same line, so a final <c>&lt;</c> may turn into a tag.</summary>
    public static void Append(StringBuilder output, string value, bool inLinkText = false, bool inTable = false, bool continued = false)
    {
        ReadOnlySpan<char> text = value;
        MathSpans? math = null;
        // Found once per text, so that a text of many brackets is escaped in linear time.
        int lastLinkOpener = Math.Max(text.LastIndexOf("](", StringComparison.Ordinal), text.LastIndexOf("][", StringComparison.Ordinal));
        int lastMathClose = text.LastIndexOf("\\]", StringComparison.Ordinal);
        // Link text may hold brackets in balanced pairs as they are (a citation: [[13]](…), as AnkiOps writes it);
        // escaped, "\[13\]" would read as display math.
        bool bracketsBalanced = inLinkText && BracketsBalanced(text) && lastLinkOpener < 0 && lastMathClose < 0 && !text.Contains("![", StringComparison.Ordinal);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool lineStart = output.Length == 0 || output[^1] == '\n';
            if (c is '\n' or '\r')
                c = ' ';
            if (lineStart && char.IsWhiteSpace(c))
                continue;
            if (c == '\\' && (math ??= new MathSpans(value)).TryRead(i, out int mathLength, out string canonical))
            {
                output.Append(canonical);
                i += mathLength - 1;
                continue;
            }
            if (lineStart && IsTableDelimiterRow(text[i..]))
            {
                // "| - | - |" under a line with pipes would turn the two lines into a table.
                int dash = text[i..].IndexOf('-');
                output.Append(text.Slice(i, dash)).Append("\\-");
                i += dash;
                continue;
            }
            if (lineStart && LineStartNeedsEscape(text[i..]) is int digits and >= 0)
            {
                output.Append(text.Slice(i, digits));
                i += digits;
                output.Append('\\').Append(text[i]);
                continue;
            }
            char previous = output.Length > 0 ? output[^1] : '\n';
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            bool escape = c switch
            {
                '\\' => next < 128 ? !char.IsAsciiLetterOrDigit(next) : char.IsWhiteSpace(next),
                '*' or '`' => true,
                '[' => lineStart || (inLinkText && !bracketsBalanced) || previous == '!' || lastLinkOpener > i,
                ']' => inLinkText && !bracketsBalanced,
                '|' => inTable,
                '_' => !char.IsLetterOrDigit(previous) || !char.IsLetterOrDigit(next),
                '<' => next == '\0' ? continued : char.IsAsciiLetter(next) || next is '/' or '!' or '?',
                '&' => LooksLikeEntity(text[i..]),
                // A single ~ or ^ pair is sub- or superscript.
                '~' or '^' => true,
                '=' => next == c || previous == c,
                // Arrows: "-->" and "=/=" would render as → and ≠ ("==>" is escaped as "==" already).
                '>' => previous == '-' && output.Length > 1 && output[^2] == '-',
                '/' => previous == '=' && next == '=',
                '{' => text[i..].StartsWith("{width=", StringComparison.Ordinal),
                _ => false,
            };
            if (escape && c == '[' && lastMathClose > i)
            {
                // "\[" would open display math that a later "\]" closes.
                output.Append("&#91;");
                continue;
            }
            if (escape)
                output.Append('\\');
            output.Append(c);
        }
    }

    /// <summary>For text at the start of a line that Markdown would read as a block marker (<c># &gt; - + =</c>, a
    /// numbered-list <c>1.</c>): how many characters to copy before the one to escape; -1 when no escape is needed.</summary>
    private static int LineStartNeedsEscape(ReadOnlySpan<char> text)
    {
        if (text[0] is '#' or '>' or '-' or '+' or '=')
            return 0;
        int digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
            digits++;
        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' ? digits : -1;
    }

    private static bool BracketsBalanced(ReadOnlySpan<char> text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '\\')
                return false;
            if (c == '[')
                depth++;
            else if (c == ']' && --depth < 0)
                return false;
        }
        return depth == 0;
    }

    private static bool IsTableDelimiterRow(ReadOnlySpan<char> rest) =>
        rest.Contains('|') && rest.Contains('-') && !rest.ContainsAnyExcept("|-: \t");

    private static bool LooksLikeEntity(ReadOnlySpan<char> text)
    {
        int end = text.IndexOf(';');
        if (end < 2 || end > 40)
            return false;
        ReadOnlySpan<char> name = text[1..end];
        if (name[0] == '#')
            name = name.Length > 1 && name[1] is 'x' or 'X' ? name[2..] : name[1..];
        return name.Length > 0 && !name.ContainsAnyExcept(s_alphanumeric);
    }
}
