using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Splits a deck file into note blocks at separator lines outside code fences. A fence that is never closed
/// would swallow the rest of the file, so it is reported and then treated as ordinary text.</summary>
internal sealed class BlockScan
{
    private BlockScan(List<(int Start, int End)> blocks, HashSet<int> ignored, List<int> unclosed)
    {
        Blocks = blocks;
        IgnoredFenceLines = ignored;
        UnclosedFenceLines = unclosed;
    }

    /// <summary>Line ranges [Start, End) of blocks that hold more than blank lines and dashes.</summary>
    public List<(int Start, int End)> Blocks { get; }

    /// <summary>Lines (0-based) of fences that never close and therefore do not open a fence.</summary>
    public HashSet<int> IgnoredFenceLines { get; }

    public List<int> UnclosedFenceLines { get; }

    public static BlockScan Run(DeckLines lines, NoteTypeRegistry types)
    {
        HashSet<int> ignored = [];
        List<int> unclosed = [];
        List<int> separators = [];
        while (true)
        {
            separators.Clear();
            CodeFence fence = default;
            int opener = -1;
            for (int i = 0; i < lines.Count; i++)
            {
                ReadOnlySpan<char> line = lines[i];
                if (fence.IsOpen)
                {
                    fence.Feed(line);
                    continue;
                }
                if (IsSeparator(lines, i))
                {
                    separators.Add(i);
                    continue;
                }
                if (!ignored.Contains(i) && fence.Feed(AfterLabel(line, types)))
                    opener = i;
            }
            if (!fence.IsOpen)
                break;
            ignored.Add(opener);
            unclosed.Add(opener);
        }

        List<(int, int)> blocks = [];
        int start = 0;
        foreach (int separator in separators.Append(lines.Count))
        {
            if (HasContent(lines, start, separator))
                blocks.Add((start, separator));
            start = separator + 1;
        }
        return new BlockScan(blocks, ignored, unclosed);
    }

    /// <summary>The part of a line that may open a fence: after a known label (<c>A: ```python</c>) or the whole line.</summary>
    public static ReadOnlySpan<char> AfterLabel(ReadOnlySpan<char> line, NoteTypeRegistry types)
    {
        int length = FieldLabel.Match(line);
        return length > 0 && types.IsLabel(line[..length]) ? line[length..] : line;
    }

    private static bool IsSeparator(DeckLines lines, int i) =>
        lines[i].TrimEnd() is "---" && (i == 0 || lines.IsBlank(i - 1)) && (i == lines.Count - 1 || lines.IsBlank(i + 1));

    private static bool HasContent(DeckLines lines, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            ReadOnlySpan<char> trimmed = lines[i].Trim();
            if (trimmed.Length > 0 && trimmed.ContainsAnyExcept('-'))
                return true;
        }
        return false;
    }
}
