using Markdig.Renderers;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Writes the blocks of a container in Anki's block model: no <c>&lt;p&gt;</c>, two paragraphs in a row are
/// joined by <c>&lt;br&gt;&lt;br&gt;</c>, other blocks follow each other directly.</summary>
internal static class BlockSequence
{
    public static void Write(HtmlRenderer renderer, ContainerBlock container)
    {
        Block? previous = null;
        foreach (Block block in container)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
                continue;
            if (previous is ParagraphBlock && block is ParagraphBlock)
                renderer.Write("<br><br>");
            renderer.Write(block);
            previous = block;
        }
    }
}
