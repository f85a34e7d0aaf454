using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Decides what each line of a deck file is (<see cref="LineRole"/>) and splits the file into note blocks at
/// separator lines. Inside a field's code block (as Markdig reads the field, see <see cref="CodeFence"/>) every line is
/// content. A fence that is never closed would swallow the rest of the file, so it is reported and then read as
/// ordinary text.</summary>
internal sealed class BlockScan
{
    private readonly DeckLines _lines;
    private readonly NoteTypeRegistry _types;
    private readonly LineRole[] _roles;
    private readonly HashSet<int> _inert = [];
    private readonly List<int> _unclosed = [];

    private BlockScan(DeckLines lines, NoteTypeRegistry types)
    {
        _lines = lines;
        _types = types;
        _roles = new LineRole[lines.Count];
    }

    /// <summary>The role of each line (0-based).</summary>
    public IReadOnlyList<LineRole> Roles => _roles;

    /// <summary>Line ranges [Start, End) of blocks that hold more than blank lines and dashes.</summary>
    public List<(int Start, int End)> Blocks { get; } = [];

    /// <summary>Lines (0-based) of fences that never close.</summary>
    public IReadOnlyList<int> UnclosedFenceLines => _unclosed;

    public static BlockScan Run(DeckLines lines, NoteTypeRegistry types)
    {
        BlockScan scan = new(lines, types);
        CodeFence code = new();
        int from = 0;
        // A field's lines depend only on lines from its label on, so after an unclosed fence is found the scan resumes
        // at the label of its field.
        while (scan.Classify(from, code) is int fieldStart && code.UnclosedFenceLine is int opener)
        {
            scan._inert.Add(opener);
            scan._unclosed.Add(opener);
            from = fieldStart;
        }
        scan.SplitBlocks();
        return scan;
    }

    /// <summary>Classifies lines from <paramref name="from"/> on; returns the first line of the field open at the end of
    /// the file, if any (its code state is left in <paramref name="code"/>).</summary>
    private int? Classify(int from, CodeFence code)
    {
        int? fieldStart = null;
        for (int i = from; i < _lines.Count; i++)
        {
            ReadOnlySpan<char> line = _lines[i];
            LineRole role = Candidate(i, line, out int labelLength);
            if (role != LineRole.Content && fieldStart is not null && code.IsCode(line))
                role = LineRole.Content;
            _roles[i] = role;
            switch (role)
            {
                case LineRole.Separator:
                    fieldStart = null;
                    break;
                case LineRole.Label:
                    fieldStart = i;
                    code.Reset();
                    code.Add(_lines.Memory(i)[labelLength..].TrimStart(), i, _inert.Contains(i));
                    break;
                case LineRole.Content or LineRole.EscapedContent when fieldStart is null:
                    _roles[i] = LineRole.Outside;
                    break;
                case LineRole.Content:
                    code.Add(_lines.Memory(i), i, _inert.Contains(i));
                    break;
                case LineRole.EscapedContent:
                    code.Add(_lines.Memory(i)[1..], i, _inert.Contains(i));
                    break;
            }
        }
        return fieldStart;
    }

    /// <summary>What the line would be outside code.</summary>
    private LineRole Candidate(int i, ReadOnlySpan<char> line, out int labelLength)
    {
        labelLength = 0;
        if (IsSeparator(i))
            return LineRole.Separator;
        if (MetadataComment.KindOf(line) != MetadataKind.None)
            return LineRole.Metadata;
        labelLength = FieldLabel.Match(line);
        if (labelLength > 0 && _types.IsLabel(line[..labelLength]))
            return LineRole.Label;
        int depth = FieldLabel.EscapeDepth(line, out int escapedLength);
        return depth > 0 && _types.IsLabel(line.Slice(depth, escapedLength)) ? LineRole.EscapedContent : LineRole.Content;
    }

    private bool IsSeparator(int i) =>
        _lines[i].TrimEnd() is "---" && (i == 0 || _lines.IsBlank(i - 1)) && (i == _lines.Count - 1 || _lines.IsBlank(i + 1));

    private void SplitBlocks()
    {
        int start = 0;
        for (int i = 0; i <= _lines.Count; i++)
        {
            if (i < _lines.Count && _roles[i] != LineRole.Separator)
                continue;
            if (HasContent(start, i))
                Blocks.Add((start, i));
            start = i + 1;
        }
    }

    private bool HasContent(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            ReadOnlySpan<char> trimmed = _lines[i].Trim();
            if (trimmed.Length > 0 && trimmed.ContainsAnyExcept('-'))
                return true;
        }
        return false;
    }
}
