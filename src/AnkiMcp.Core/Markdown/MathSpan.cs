namespace AnkiMcp.Core.Markdown;

/// <summary>Finds MathJax spans <c>\( … \)</c> and <c>\[ … \]</c>, which pass through both converters verbatim. The
/// renderer and the HTML converter use this one scanner so they always agree on what is math.</summary>
internal static class MathSpan
{
    /// <summary>The length of the math span starting at <paramref name="start"/> of <paramref name="text"/>, or 0.</summary>
    public static int LengthAt(ReadOnlySpan<char> text, int start)
    {
        if (start + 1 >= text.Length || text[start] != '\\')
            return 0;
        char close = text[start + 1] switch
        {
            '(' => ')',
            '[' => ']',
            _ => '\0',
        };
        if (close == '\0')
            return 0;
        for (int i = start + 2; i + 1 < text.Length; i++)
        {
            if (text[i] != '\\')
                continue;
            if (text[i + 1] == close)
                return i + 2 - start;
            i++;
        }
        return 0;
    }
}
