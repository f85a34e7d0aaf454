using System.Text;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Highlights code at render time as <c>&lt;span class="…"&gt;</c> tokens (see <see cref="CodeLanguage"/>), so
/// cards need no script, add-on or network on any Anki client. Cloze markers (<c>{{c1::</c>, <c>::hint</c>,
/// <c>}}</c>) are never split by a span, so clozes inside code keep working.</summary>
internal static class CodeHighlighter
{
    /// <summary><paramref name="code"/> as HTML, highlighted when <paramref name="language"/> is known.</summary>
    public static string Highlight(string code, string? language)
    {
        StringBuilder html = Builder();
        CodeLanguage? spec = language is null ? null : CodeLanguage.Find(language);
        if (spec is null)
        {
            HtmlText.AppendEscaped(html, code);
            return html.ToString();
        }
        int position = 0;
        foreach ((int start, int length) in ClozeMarkers(code))
        {
            Tokenize(html, code.AsSpan(position, start - position), spec);
            HtmlText.AppendEscaped(html, code.AsSpan(start, length));
            position = start + length;
        }
        Tokenize(html, code.AsSpan(position), spec);
        return html.ToString();
    }

    // One builder per thread, kept unless a huge block grew it: every code block of every field is highlighted.
    [ThreadStatic]
    private static StringBuilder? t_html;

    private static StringBuilder Builder()
    {
        StringBuilder html = t_html is { Capacity: <= 64 * 1024 } kept ? kept : t_html = new StringBuilder(256);
        return html.Clear();
    }

    /// <summary>The cloze syntax pieces in <paramref name="code"/>: each opener <c>{{cN::</c>, and the closing part
    /// (<c>::hint}}</c> or <c>}}</c>) of each cloze.</summary>
    private static IEnumerable<(int Start, int Length)> ClozeMarkers(string code)
    {
        int i = 0;
        while ((i = code.IndexOf("{{c", i, StringComparison.Ordinal)) >= 0)
        {
            int digits = i + 3;
            while (digits < code.Length && char.IsAsciiDigit(code[digits]))
                digits++;
            if (digits == i + 3 || !code.AsSpan(digits).StartsWith("::"))
            {
                i += 3;
                continue;
            }
            int openerEnd = digits + 2;
            yield return (i, openerEnd - i);
            int depth = 0, hint = -1, close = -1;
            for (int j = openerEnd; j + 1 < code.Length && close < 0; j++)
            {
                if (code[j] == '{' && code[j + 1] == '{') { depth++; j++; }
                else if (code[j] == '}' && code[j + 1] == '}') { if (depth == 0) close = j; else { depth--; j++; } }
                else if (depth == 0 && code[j] == ':' && code[j + 1] == ':') hint = j;
            }
            if (close < 0)
            {
                i = openerEnd;
                continue;
            }
            int tail = hint >= 0 ? hint : close;
            yield return (tail, close + 2 - tail);
            i = close + 2;
        }
    }

    private static void Tokenize(StringBuilder html, ReadOnlySpan<char> code, CodeLanguage spec)
    {
        int i = 0;
        while (i < code.Length)
        {
            int length;
            string? kind;
            if ((length = Comment(code, i, spec)) > 0)
                kind = "c";
            else if ((length = Quoted(code, i, spec)) > 0)
                kind = "s";
            else if (spec.Markup && (length = Tag(code, i)) > 0)
                kind = "nt";
            else if (char.IsAsciiDigit(code[i]) && (i == 0 || !IsWordChar(code[i - 1])))
            {
                length = 1;
                while (i + length < code.Length && (char.IsAsciiLetterOrDigit(code[i + length]) || code[i + length] is '.' or '_') && !(code[i + length] == '.' && i + length + 1 < code.Length && !char.IsAsciiDigit(code[i + length + 1])))
                    length++;
                kind = "m";
            }
            else if (IsWordStart(code[i]) || (spec.DecoratorPrefix != '\0' && code[i] == spec.DecoratorPrefix && i + 1 < code.Length && IsWordStart(code[i + 1])))
            {
                length = 1;
                while (i + length < code.Length && IsWordChar(code[i + length]))
                    length++;
                kind = WordKind(code.Slice(i, length), code[(i + length)..], spec);
            }
            else
            {
                length = 1;
                while (i + length < code.Length && !char.IsAsciiLetterOrDigit(code[i + length]) && !IsTokenStart(code, i + length, spec))
                    length++;
                kind = null;
            }
            Span(html, code.Slice(i, length), kind);
            i += length;
        }
    }

    private static bool IsTokenStart(ReadOnlySpan<char> code, int i, CodeLanguage spec) =>
        code[i] == '_' || code[i] == spec.DecoratorPrefix || spec.Quotes.Contains(code[i]) || (spec.Markup && code[i] == '<') || Comment(code, i, spec) > 0;

    private static string? WordKind(ReadOnlySpan<char> word, ReadOnlySpan<char> rest, CodeLanguage spec)
    {
        if (word[0] == spec.DecoratorPrefix)
            return "nd";
        string text = word.ToString();
        if (spec.Keywords.Contains(text))
            return "k";
        if (spec.Types.Contains(text))
            return "kt";
        if (spec.Constants.Contains(text))
            return "kc";
        if (spec.Builtins.Contains(text))
            return "nb";
        return rest.TrimStart(' ').StartsWith("(") ? "nf" : null;
    }

    private static int Comment(ReadOnlySpan<char> code, int i, CodeLanguage spec)
    {
        ReadOnlySpan<char> rest = code[i..];
        foreach (string marker in spec.LineComments)
        {
            if (rest.StartsWith(marker, StringComparison.Ordinal))
            {
                int end = rest.IndexOf('\n');
                return end < 0 ? rest.Length : end;
            }
        }
        if (spec.BlockComment is (string open, string close) && rest.StartsWith(open, StringComparison.Ordinal))
        {
            int end = rest[open.Length..].IndexOf(close, StringComparison.Ordinal);
            return end < 0 ? rest.Length : open.Length + end + close.Length;
        }
        return 0;
    }

    private static int Quoted(ReadOnlySpan<char> code, int i, CodeLanguage spec)
    {
        char quote = code[i];
        if (!spec.Quotes.Contains(quote) || (quote == '\'' && !spec.Markup && i > 0 && IsWordChar(code[i - 1])))
            return 0;
        ReadOnlySpan<char> rest = code[i..];
        if (spec.TripleQuotes && rest.Length >= 3 && rest[1] == quote && rest[2] == quote)
        {
            int end = rest[3..].IndexOf([quote, quote, quote]);
            return end < 0 ? rest.Length : end + 6;
        }
        for (int j = 1; j < rest.Length; j++)
        {
            if (rest[j] == '\\' && !spec.Markup)
                j++;
            else if (rest[j] == quote)
                return j + 1;
            else if (rest[j] == '\n' && quote != '`')
                return j;
        }
        return rest.Length;
    }

    private static int Tag(ReadOnlySpan<char> code, int i)
    {
        if (code[i] != '<')
            return 0;
        int j = i + 1;
        if (j < code.Length && code[j] is '/' or '?' or '!')
            j++;
        int start = j;
        while (j < code.Length && (IsWordChar(code[j]) || code[j] is '-' or ':' or '.'))
            j++;
        return j > start ? j - i : 0;
    }

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static void Span(StringBuilder html, ReadOnlySpan<char> text, string? kind)
    {
        if (kind is null)
        {
            HtmlText.AppendEscaped(html, text);
            return;
        }
        html.Append("<span class=\"").Append(kind).Append("\">");
        HtmlText.AppendEscaped(html, text);
        html.Append("</span>");
    }
}
