using System.Runtime.InteropServices;
using AnkiMcp.Core.Markdown.Rendering;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Follows the lines of one field as the renderer's Markdig pipeline reads them, to tell whether a line lies
/// inside a code block, where labels, separators and metadata comments are plain content. Markdig decides, so the deck
/// file and the rendered card always agree: a fence closes only with at most three spaces of indentation, the same
/// character and at least as many of them; a fence inside a list item or quote ends with it; four spaces of indentation
/// make indented code. Markdig only starts for a field once a line holds <c>```</c> or <c>~~~</c>, or an indented line
/// is asked about; before that the lines are only kept.</summary>
internal sealed class CodeFence
{
    private static readonly ReadOnlyMemory<char> s_inert = "x".AsMemory();

    private readonly List<ReadOnlyMemory<char>> _pending = [];
    private readonly List<int> _lineNumbers = [];
    private MarkdownDocument? _document;
    private BlockProcessor? _processor;

    /// <summary>Starts a new field.</summary>
    public void Reset()
    {
        _pending.Clear();
        _lineNumbers.Clear();
        _document = null;
        _processor = null;
    }

    /// <summary>Feeds the next line of the field; <paramref name="lineNumber"/> is what <see cref="UnclosedFenceLine"/>
    /// reports for it. An <paramref name="inert"/> line counts as plain text (a fence opener known never to close).
    /// Returns whether the line opened, continued or closed a code block.</summary>
    public bool Add(ReadOnlyMemory<char> line, int lineNumber, bool inert = false)
    {
        if (inert)
            line = s_inert;
        _lineNumbers.Add(lineNumber);
        if (_processor is null)
        {
            _pending.Add(line);
            ReadOnlySpan<char> span = line.Span;
            if (!span.Contains("```", StringComparison.Ordinal) && !span.Contains("~~~", StringComparison.Ordinal))
                return false;
            Start();
            return OpensCode();
        }
        CodeBlock? before = OpenLeaf() as CodeBlock;
        Feed(line);
        // A fence closed by its closing line counts that line; one closed because its list item or quote ended does not.
        return before is not null && (_processor.IsOpen(before) || before is FencedCodeBlock { ClosingFencedCharCount: > 0 }) || OpensCode();
    }

    /// <summary>Whether a non-blank <paramref name="line"/>, coming next, would be in a code block: continuing one, or
    /// opening indented code.</summary>
    public bool IsCode(ReadOnlySpan<char> line)
    {
        if (_processor is null)
        {
            // Nothing is open without a fence line, and only an indented line can open indented code.
            if (line.Length == 0 || line[0] is not (' ' or '\t'))
                return false;
            Start();
        }
        List<ContainerBlock> containers = [];
        Block? leaf = null;
        for (Block block = _document!; block is ContainerBlock { LastChild: { } last } && _processor!.IsOpen(last); block = last)
        {
            if (last is ContainerBlock inner)
                containers.Add(inner);
            else
                leaf = last;
        }
        bool matched = ContinuesContainers(line, containers, out int indent);
        return leaf switch
        {
            // An open paragraph takes the line as (lazy) continuation: indented code cannot interrupt a paragraph.
            ParagraphBlock => false,
            FencedCodeBlock when matched => true,
            CodeBlock or null => indent >= 4,
            _ => !matched && indent >= 4,
        };
    }

    /// <summary>The line number of a fence that opened at the top level of the field and is still open: it would swallow
    /// everything after it.</summary>
    public int? UnclosedFenceLine =>
        _processor is not null && OpenLeaf() is FencedCodeBlock { Parent: MarkdownDocument } fence ? _lineNumbers[fence.Line] : null;

    /// <summary>Whether <paramref name="line"/> opens a fence at the start of a field (CommonMark: at most three spaces,
    /// three or more backticks or tildes, and no backtick in a backtick fence's info string).</summary>
    public static bool Opens(ReadOnlySpan<char> line)
    {
        int indent = 0;
        while (indent < line.Length && line[indent] == ' ')
            indent++;
        if (indent > 3 || indent == line.Length || line[indent] is not ('`' or '~'))
            return false;
        char c = line[indent];
        int run = indent;
        while (run < line.Length && line[run] == c)
            run++;
        return run - indent >= 3 && (c == '~' || !line[run..].Contains('`'));
    }

    private void Start()
    {
        _document = new MarkdownDocument();
        _processor = new BlockProcessor(_document, AnkiHtmlRenderer.BlockParsers, context: null);
        foreach (ReadOnlyMemory<char> pending in _pending)
            Feed(pending);
        _pending.Clear();
    }

    private void Feed(ReadOnlyMemory<char> line)
    {
        // Markdig reads U+0000 as U+FFFD (CommonMark's rule for insecure characters).
        if (line.Span.Contains('\0'))
            line = line.ToString().Replace('\0', '\uFFFD').AsMemory();
        if (!MemoryMarshal.TryGetString(line, out string? text, out int start, out int length))
            (text, start, length) = (line.ToString(), 0, line.Length);
        _processor!.ProcessLine(new StringSlice(text, start, start + length - 1));
    }

    private bool OpensCode() => OpenLeaf() is CodeBlock opened && opened.Line == _lineNumbers.Count - 1;

    private Block? OpenLeaf()
    {
        // Block.IsOpen is not kept for every kind of block (lists); the processor's stack is.
        Block block = _document!;
        while (block is ContainerBlock { LastChild: { } last } && _processor!.IsOpen(last))
            block = last;
        return block == _document ? null : block;
    }

    /// <summary>Whether <paramref name="line"/> continues every open container (quote marker, list item indentation, as
    /// Markdig's parsers check them); <paramref name="indent"/> is the indentation left where matching stopped.</summary>
    private static bool ContinuesContainers(ReadOnlySpan<char> line, List<ContainerBlock> containers, out int indent)
    {
        LineCursor cursor = new(line);
        bool matched = true;
        foreach (ContainerBlock container in containers)
        {
            if (container is ListBlock)
                continue;
            if (container is QuoteBlock quote && cursor.Indent() < 4)
            {
                LineCursor probe = cursor;
                probe.SkipBlanks();
                if (probe.TakeChar(quote.QuoteChar))
                {
                    probe.TakeOptionalSpace();
                    cursor = probe;
                    continue;
                }
            }
            else if (container is ListItemBlock item && cursor.Indent() >= Math.Abs(item.ColumnWidth))
            {
                cursor.Advance(Math.Abs(item.ColumnWidth));
                continue;
            }
            matched = false;
            break;
        }
        indent = cursor.Indent();
        return matched;
    }

    /// <summary>A position in a line counted in columns, tabs to the next multiple of four; a tab can be partly consumed.</summary>
    private ref struct LineCursor(ReadOnlySpan<char> line)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private int _position;
        private int _column;

        public readonly int Indent()
        {
            int column = _column;
            for (int i = _position; i < _line.Length; i++)
            {
                if (_line[i] == ' ')
                    column++;
                else if (_line[i] == '\t')
                    column = NextTabStop(column);
                else
                    break;
            }
            return column - _column;
        }

        public void SkipBlanks() => Advance(Indent());

        public void Advance(int columns)
        {
            int target = _column + columns;
            while (_column < target && _position < _line.Length)
            {
                if (_line[_position] == '\t' && NextTabStop(_column) > target)
                {
                    _column = target;
                    return;
                }
                _column = _line[_position] == '\t' ? NextTabStop(_column) : _column + 1;
                _position++;
            }
        }

        public bool TakeChar(char c)
        {
            if (_position >= _line.Length || _line[_position] != c)
                return false;
            _position++;
            _column++;
            return true;
        }

        public void TakeOptionalSpace()
        {
            if (_position < _line.Length && _line[_position] is ' ' or '\t')
                Advance(1);
        }

        private static int NextTabStop(int column) => (column / 4 + 1) * 4;
    }
}
