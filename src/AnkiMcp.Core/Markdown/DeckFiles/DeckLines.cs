namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>The lines of a deck file as spans over its text: without line ends (LF or CRLF) and without a BOM.</summary>
internal sealed class DeckLines
{
    private readonly ReadOnlyMemory<char> _text;
    private readonly List<(int Start, int Length)> _lines;

    public DeckLines(string text)
        : this(text.AsMemory())
    {
    }

    /// <summary>Lines over text that need not be a string (a file decoded into a pooled buffer).</summary>
    public DeckLines(ReadOnlyMemory<char> memory)
    {
        _text = memory;
        ReadOnlySpan<char> text = memory.Span;
        // Sized once: a deck file has thousands of lines, and growing the list by doubling copies them all again.
        _lines = new List<(int Start, int Length)>(text.Count('\n') + 1);
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int lineStart = start;
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] != '\n')
                continue;
            int length = i - lineStart;
            if (length > 0 && text[i - 1] == '\r')
                length--;
            _lines.Add((lineStart, length));
            lineStart = i + 1;
        }
        if (lineStart < text.Length)
            _lines.Add((lineStart, text.Length - lineStart - (text[^1] == '\r' ? 1 : 0)));
    }

    public int Count => _lines.Count;

    public ReadOnlySpan<char> this[int index] => _text.Span.Slice(_lines[index].Start, _lines[index].Length);

    /// <summary>Line <paramref name="index"/> as a slice of the text, for keeping it without copying.</summary>
    public ReadOnlyMemory<char> Memory(int index) => _text.Slice(_lines[index].Start, _lines[index].Length);

    /// <summary>Offset in the text where line <paramref name="index"/> (0-based) starts; the text length past the end.</summary>
    public int StartOf(int index) => index < _lines.Count ? _lines[index].Start : _text.Length;

    public bool IsBlank(int index) => this[index].IsWhiteSpace();
}
