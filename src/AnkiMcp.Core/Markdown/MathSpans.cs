namespace AnkiMcp.Core.Markdown;

/// <summary>Finds MathJax spans in one text, for the renderer and the HTML converter alike, so they always agree on what
/// is math. A span is <c>\( … \)</c> or <c>\[ … \]</c>, or, as AnkiOps reads them, the same with runs of backslashes as
/// delimiters (<c>\\[ … \]</c>, written to escape Markdown) when the body looks like TeX (a <c>\command</c>, <c>_ ^ { }</c>);
/// such spans are read in the canonical single-backslash form. Each search remembers how far it looked, so that finding
/// every span of a text takes time linear in its length, however many openers never close.</summary>
internal sealed class MathSpans(string text, int end)
{
    private readonly string _text = text;
    private readonly int _end = end;
    private Search _parenClose = Search.None, _bracketClose = Search.None;
    private Search _parenEscapedClose = Search.None, _bracketEscapedClose = Search.None;
    private Search _hint = Search.None;

    public MathSpans(string text)
        : this(text, text.Length)
    {
    }

    /// <summary>Reads the span starting at <paramref name="start"/>: its length in the text and its canonical form.</summary>
    public bool TryRead(int start, out int length, out string canonical)
    {
        (length, canonical) = (0, "");
        int run = 0;
        while (start + run < _end && _text[start + run] == '\\')
            run++;
        if (run == 0 || start + run >= _end || _text[start + run] is not ('(' or '['))
            return false;
        char open = _text[start + run];
        char close = open == '(' ? ')' : ']';
        int bodyStart = start + run + 1;
        if (run == 1 && FirstClose(bodyStart, close) is int closeAt)
        {
            length = closeAt + 2 - start;
            canonical = _text.Substring(start, length);
            return true;
        }
        if (FirstEscapedClose(bodyStart, close) is not int closeChar)
            return false;
        int bodyEnd = closeChar - 1;
        while (bodyEnd > bodyStart && _text[bodyEnd - 1] == '\\')
            bodyEnd--;
        if (bodyEnd == bodyStart || FirstHint(bodyStart) >= bodyEnd)
            return false;
        length = closeChar + 1 - start;
        canonical = $"\\{open}{_text.AsSpan(bodyStart, bodyEnd - bodyStart)}\\{close}";
        return true;
    }

    /// <summary>The first <c>\)</c> (or <c>\]</c>) from <paramref name="from"/> on, reading backslashes in pairs: the
    /// backslash of the delimiter. Pairs line up the same from every body start, so one search serves all later starts
    /// before its result.</summary>
    private int? FirstClose(int from, char close)
    {
        ref Search search = ref close == ')' ? ref _parenClose : ref _bracketClose;
        if (!search.Covers(from))
        {
            int found = -1;
            for (int i = from; i + 1 < _end; i++)
            {
                if (_text[i] != '\\')
                    continue;
                if (_text[i + 1] == close)
                {
                    found = i;
                    break;
                }
                i++;
            }
            search = new Search(from, found);
        }
        return search.Found < 0 ? null : search.Found;
    }

    /// <summary>The first closing character from <paramref name="from"/> on that follows a backslash.</summary>
    private int? FirstEscapedClose(int from, char close)
    {
        ref Search search = ref close == ')' ? ref _parenEscapedClose : ref _bracketEscapedClose;
        if (!search.Covers(from))
        {
            int found = -1;
            for (int i = from + 1; i < _end; i++)
            {
                if (_text[i] == close && _text[i - 1] == '\\')
                {
                    found = i;
                    break;
                }
            }
            search = new Search(from, found);
        }
        return search.Found < 0 ? null : search.Found;
    }

    /// <summary>The first sign of TeX from <paramref name="from"/> on (the text's end when there is none).</summary>
    private int FirstHint(int from)
    {
        if (!_hint.Covers(from))
        {
            int found = -1;
            for (int i = from; i < _end; i++)
            {
                char c = _text[i];
                if (c is '_' or '^' or '{' or '}' || (c == '\\' && i + 1 < _end && char.IsAsciiLetter(_text[i + 1])))
                {
                    found = i;
                    break;
                }
            }
            _hint = new Search(from, found);
        }
        return _hint.Found < 0 ? _end : _hint.Found;
    }

    /// <summary>A search made from <see cref="From"/> that found <see cref="Found"/> (-1: nothing up to the end).</summary>
    private readonly record struct Search(int From, int Found)
    {
        public static Search None { get; } = new(int.MaxValue, -1);

        public bool Covers(int from) => From <= from && (Found < 0 || Found >= from);
    }
}
