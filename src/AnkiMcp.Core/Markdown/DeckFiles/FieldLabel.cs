namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Label syntax (<c>Q:</c>, <c>C1:</c>, <c>IO_QM:</c>: a letter, then letters, digits, '_' or '-', then ':')
/// and the escape for content lines that would otherwise start a field: one leading backslash is added on write and
/// removed on read (<c>\A: text</c> is the content line <c>A: text</c>).</summary>
internal static class FieldLabel
{
    public static bool IsValid(string label) => label.Length >= 2 && LabelLength(label) == label.Length;

    /// <summary>The length of the label (colon included) that starts <paramref name="line"/> and is followed by a space
    /// or the end of the line; 0 when the line does not start with a label.</summary>
    public static int Match(ReadOnlySpan<char> line)
    {
        int length = LabelLength(line);
        if (length == 0 || (length < line.Length && line[length] != ' '))
            return 0;
        return length;
    }

    /// <summary>For a line like <c>\\Q: x</c>: the number of leading backslashes, provided a label follows them.</summary>
    public static int EscapeDepth(ReadOnlySpan<char> line, out int labelLength)
    {
        int depth = 0;
        while (depth < line.Length && line[depth] == '\\')
            depth++;
        labelLength = depth == 0 ? 0 : Match(line[depth..]);
        return labelLength == 0 ? 0 : depth;
    }

    private static int LabelLength(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
            return 0;
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ':')
                return i + 1;
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
                return 0;
        }
        return 0;
    }
}
