using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Markdig's link parser with two of CommonMark's rules that Markdig leaves out: a link destination nests
/// parentheses at most 32 deep (cmark's limit), and a title in parentheses holds no unescaped <c>(</c>. Without them every
/// <c>](</c> of a field like <c>[a](</c> × 20,000 or <c>[a](b (</c> × 20,000 scans the rest of the field for the
/// destination's or title's end, and rendering takes quadratic time. A <c>](</c> that breaks either rule is read as if no
/// <c>(</c> followed, which is what Markdig does once the destination fails.</summary>
internal sealed class BoundedLinkInlineParser : LinkInlineParser
{
    private const int MaximumParenthesisDepth = 32;

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.CurrentChar != ']' || slice.PeekChar() != '(' || LinkFits(slice.Text, slice.Start + 2, slice.End))
            return base.Match(processor, ref slice);
        // Hide everything after ']' from the link parser for this call.
        int end = slice.End;
        slice.End = slice.Start;
        bool matched = base.Match(processor, ref slice);
        slice.End = end;
        return matched;
    }

    /// <summary>Whether the destination and title starting at <paramref name="start"/> keep both rules (an angle-bracket
    /// destination always does: it ends at the line's end).</summary>
    private static bool LinkFits(string text, int start, int end)
    {
        int i = SkipWhiteSpace(text, start, end);
        if (i > end || text[i] == '<')
            return true;
        int depth = 0;
        for (; i <= end; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '(' && ++depth > MaximumParenthesisDepth)
                return false;
            if (c == ')' && --depth < 0)
                return true;
            if (char.IsWhiteSpace(c))
                return TitleFits(text, SkipWhiteSpace(text, i, end), end);
            if (char.IsControl(c))
                return true;
        }
        return true;
    }

    private static bool TitleFits(string text, int start, int end)
    {
        if (start > end || text[start] != '(')
            return true;
        for (int i = start + 1; i <= end; i++)
        {
            char c = text[i];
            if (c == '\\')
                i++;
            else if (c == ')')
                return true;
            else if (c == '(')
                return false;
        }
        return true;
    }

    private static int SkipWhiteSpace(string text, int start, int end)
    {
        int i = start;
        while (i <= end && text[i] is ' ' or '\t' or '\n' or '\r')
            i++;
        return i;
    }
}
