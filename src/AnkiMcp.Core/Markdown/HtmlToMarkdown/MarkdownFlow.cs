using System.Text;
using AngleSharp.Dom;

namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Converts a sequence of HTML nodes at block level (a field, a list item, a quote) into Markdown blocks.
/// Inline content gathers into paragraphs: <c>&lt;br&gt;</c> is a line break, two of them (or an empty
/// <c>&lt;div&gt;</c> line) a paragraph break, and each <c>&lt;div&gt;</c> is a line of its own, as in Anki's
/// editor. Blocks are separated by a blank line.</summary>
internal sealed class MarkdownFlow
{
    private readonly List<(string Markdown, bool IsParagraph, bool IsInterruptingList)> _blocks = [];
    private string? _lastList;
    private bool _lastListAlternate;
    private readonly StringBuilder _paragraph = new();
    private readonly bool _inListItem;

    private MarkdownFlow(bool inListItem) => _inListItem = inListItem;

    public static string Convert(IEnumerable<INode> nodes, bool inListItem = false)
    {
        MarkdownFlow flow = new(inListItem);
        flow.AddNodes(nodes);
        return flow.Finish();
    }

    /// <summary>Converts plain text (no tags, no entities) without parsing HTML.</summary>
    public static string ConvertText(string text)
    {
        MarkdownFlow flow = new(inListItem: false);
        MarkdownEscaper.Append(flow._paragraph, text);
        return flow.Finish();
    }

    private void AddNodes(IEnumerable<INode> nodes)
    {
        foreach (INode node in nodes)
            AddNode(node);
    }

    private void AddNode(INode node)
    {
        if (node is not IElement element)
        {
            InlineMarkdown.AppendNode(_paragraph, node, default);
            return;
        }
        switch (element.LocalName)
        {
            case "br":
                InlineMarkdown.Break(_paragraph);
                break;
            case "div":
                InlineMarkdown.EnsureLineStart(_paragraph);
                AddNodes(element.ChildNodes);
                InlineMarkdown.EnsureLineStart(_paragraph);
                break;
            case "p":
                FlushParagraph();
                AddNodes(element.ChildNodes);
                FlushParagraph();
                break;
            default:
                if (!MarkdownBlocks.IsBlock(element) && MarkdownBlocks.ContainsBlock(element))
                {
                    // Inline formatting around blocks has no Markdown form; keep the blocks, drop the wrapper.
                    AddNodes(element.ChildNodes);
                    break;
                }
                if (!MarkdownBlocks.IsBlock(element))
                {
                    InlineMarkdown.AppendNode(_paragraph, element, default);
                    break;
                }
                FlushParagraph();
                // Two lists in a row would merge into one in Markdown unless the second uses the other marker.
                bool alternate = element.LocalName == _lastList && _blocks.Count > 0 && !_blocks[^1].IsParagraph && !_lastListAlternate;
                string block = MarkdownBlocks.Convert(element, alternate);
                if (block.Length > 0)
                {
                    _blocks.Add((block, false, element.LocalName == "ul" || (element.LocalName == "ol" && MarkdownBlocks.ListStart(element) == 1)));
                    (_lastList, _lastListAlternate) = element.LocalName is "ul" or "ol" ? (element.LocalName, alternate) : (null, false);
                }
                break;
        }
    }

    private void FlushParagraph()
    {
        string text = _paragraph.ToString();
        _paragraph.Clear();
        StringBuilder current = new();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd();
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Length > 0)
                    _blocks.Add((current.ToString(), true, false));
                current.Clear();
                continue;
            }
            if (current.Length > 0)
                current.Append('\n');
            current.Append(line);
            _lastList = null;
        }
        if (current.Length > 0)
            _blocks.Add((current.ToString(), true, false));
    }

    private string Finish()
    {
        FlushParagraph();
        StringBuilder markdown = new();
        for (int i = 0; i < _blocks.Count; i++)
        {
            if (i > 0)
                markdown.Append(_inListItem && _blocks[i].IsInterruptingList && _blocks[i - 1].IsParagraph ? "\n" : "\n\n");
            markdown.Append(_blocks[i].Markdown);
        }
        return markdown.ToString();
    }
}
