using AnkiMcp.Core.Markdown.Rendering.Blocks;
using AnkiMcp.Core.Markdown.Rendering.Inlines;
using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Anki's Markdown dialect as one Markdig extension: MathJax spans kept verbatim, <c>{width=N}</c> after
/// images, and renderers that write the HTML Anki's editor writes (see <see cref="AnkiHtmlRenderer"/>). The renderers
/// replace Markdig's HTML renderers entirely, so nothing of standard HTML output (<c>&lt;p&gt;</c>, heading ids,
/// <c>&lt;em&gt;</c>) leaks into a field.</summary>
internal sealed class AnkiHtmlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Insert(0, new BlockNestingLimit());
        pipeline.InlineParsers.Insert(0, new DelimiterDepthLimit());
        pipeline.InlineParsers.Insert(0, new ArrowInlineParser());
        pipeline.InlineParsers.InsertBefore<EscapeInlineParser>(new MathInlineParser());
        pipeline.InlineParsers.Replace<LinkInlineParser>(new BoundedLinkInlineParser());
        pipeline.InlineParsers.Add(new ImageWidthParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
            return;
        html.ObjectRenderers.Clear();
        html.ObjectRenderers.AddRange([
            new AnkiDocumentRenderer(),
            new AnkiParagraphRenderer(),
            new AnkiHeadingRenderer(),
            new AnkiListRenderer(),
            new AnkiQuoteRenderer(),
            new AnkiCodeBlockRenderer(),
            new AnkiHtmlBlockRenderer(),
            new AnkiThematicBreakRenderer(),
            new AnkiTableRenderer(),
            new AnkiLiteralRenderer(),
            new MathInlineRenderer(),
            new AnkiLineBreakRenderer(),
            new AnkiCodeInlineRenderer(),
            new AnkiEmphasisRenderer(),
            new AnkiLinkRenderer(),
            new AnkiAutolinkRenderer(),
            new AnkiHtmlInlineRenderer(),
            new AnkiHtmlEntityRenderer(),
        ]);
    }
}
