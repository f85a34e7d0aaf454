using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary>A field: its blocks in Anki's block model (see <see cref="BlockSequence"/>).</summary>
internal sealed class AnkiDocumentRenderer : HtmlObjectRenderer<MarkdownDocument>
{
    protected override void Write(HtmlRenderer renderer, MarkdownDocument obj) => BlockSequence.Write(renderer, obj);
}
