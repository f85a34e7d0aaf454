namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Tracks fenced code blocks line by line, so that separators, labels and metadata comments inside code are
/// plain content. A fence is a line that starts (after any indentation) with three or more backticks or tildes; it is
/// closed by a line of the same character, at least as long, with nothing else on it.</summary>
internal struct CodeFence
{
    private char _char;
    private int _length;

    public readonly bool IsOpen => _length > 0;

    /// <summary>Feeds one line; returns true when the line opened or closed a fence.</summary>
    public bool Feed(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> trimmed = line.TrimStart();
        if (trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
            return false;
        char c = trimmed[0];
        int run = 0;
        while (run < trimmed.Length && trimmed[run] == c)
            run++;
        if (run < 3)
            return false;
        if (IsOpen)
        {
            if (c != _char || run < _length || !trimmed[run..].IsWhiteSpace())
                return false;
            _length = 0;
            return true;
        }
        if (c == '`' && trimmed[run..].Contains('`'))
            return false;
        _char = c;
        _length = run;
        return true;
    }

    /// <summary>Whether <paramref name="line"/> would open a fence.</summary>
    public static bool Opens(ReadOnlySpan<char> line)
    {
        CodeFence probe = default;
        return probe.Feed(line);
    }
}
