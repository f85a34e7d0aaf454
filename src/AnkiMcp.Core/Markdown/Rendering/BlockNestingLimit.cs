using Markdig.Parsers;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Markdig parses quotes and lists nested any depth and only refuses the tree (more than 128 containers deep) once
/// it is built, after work that grows faster than the field: <c>&gt; </c> × 20,000 took most of a second. Runs before the
/// quote and list parsers and refuses at once where Markdig would refuse later.</summary>
internal sealed class BlockNestingLimit : BlockParser
{
    /// <summary>Markdig's own limit counts the document and stops before the 128th container below it.</summary>
    private const int MaximumDepth = 127;

    public BlockNestingLimit() => OpeningCharacters = ['>', '-', '*', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        int depth = 0;
        for (Block? container = processor.CurrentContainer; container is not (null or MarkdownDocument); container = container.Parent)
        {
            if (++depth >= MaximumDepth)
                throw new MarkdownTooDeepException();
        }
        return BlockState.None;
    }
}
