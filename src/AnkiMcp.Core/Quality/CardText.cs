using System.Text;
using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Quality;

/// <summary>A field's Markdown split into prose and fenced code, with the counts the rules judge by.</summary>
internal sealed partial class CardText
{
    private CardText(string prose, IReadOnlyList<IReadOnlyList<string>> codeBlocks)
    {
        Prose = prose;
        CodeBlocks = codeBlocks;
        Words = CountWords(prose);
    }

    /// <summary>The text outside fenced code blocks, with HTML tags and Markdown emphasis removed.</summary>
    public string Prose { get; }

    /// <summary>The non-blank lines of each fenced code block.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CodeBlocks { get; }

    /// <summary>The words of <see cref="Prose"/>.</summary>
    public int Words { get; }

    /// <summary>The non-blank lines of <see cref="Prose"/>.</summary>
    public IEnumerable<string> ProseLines => Prose.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

    /// <summary>The prose lines that are Markdown list items.</summary>
    public int ListItems => ProseLines.Count(line => ListItem().IsMatch(line));

    public bool HasCode => CodeBlocks.Count > 0 || Prose.Contains('`', StringComparison.Ordinal);

    public static CardText Of(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        StringBuilder prose = new();
        List<IReadOnlyList<string>> blocks = [];
        List<string>? block = null;
        string? fence = null;
        foreach (string rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = rawLine.Trim();
            if (fence is null && IsFence(line))
            {
                fence = line[..3];
                block = [];
                continue;
            }
            if (fence is not null && line.StartsWith(fence, StringComparison.Ordinal) && line.Trim(fence[0]).Length == 0)
            {
                blocks.Add(block!);
                fence = null;
                continue;
            }
            if (fence is not null)
            {
                if (line.Length > 0)
                    block!.Add(rawLine);
                continue;
            }
            prose.Append(rawLine).Append('\n');
        }

        if (block is not null && fence is not null)
            blocks.Add(block);
        return new CardText(Emphasis().Replace(HtmlTag().Replace(prose.ToString(), " "), ""), blocks);
    }

    /// <summary>Whether the line opens or closes a fenced code block (<c>```</c> or <c>~~~</c>).</summary>
    public static bool IsFence(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string start = line.TrimStart();
        return start.StartsWith("```", StringComparison.Ordinal) || start.StartsWith("~~~", StringComparison.Ordinal);
    }

    /// <summary>The sentences of the prose that have at least <paramref name="minimumWords"/> words.</summary>
    public IReadOnlyList<string> Sentences(int minimumWords = 1) =>
        [.. SentenceEnd().Split(Prose).Select(sentence => sentence.Trim()).Where(sentence => CountWords(sentence) >= minimumWords)];

    /// <summary>Words: runs of non-space characters with at least one letter or digit.</summary>
    public static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false, hasLetter = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && hasLetter)
                    words++;
                inWord = hasLetter = false;
            }
            else
            {
                inWord = true;
                hasLetter |= char.IsLetterOrDigit(c);
            }
        }

        return inWord && hasLetter ? words + 1 : words;
    }

    // A sentence ends at . ! ? followed by a space or the end, or at a line break; "e.g." and "i.e." do not end one.
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?]+(?=\s|$)|\n", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    // Bold and italic markers, but not a lone * that means multiplication or a glob.
    [GeneratedRegex(@"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();
}
