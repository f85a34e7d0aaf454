using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering.Blocks;

/// <summary><c># Title</c> → <c>&lt;h1&gt;Title&lt;/h1&gt;</c>, without the id attribute Markdig would add.</summary>
internal sealed class AnkiHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] s_open = ["<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"];
    private static readonly string[] s_close = ["</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>"];

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        int index = Math.Clamp(obj.Level, 1, 6) - 1;
        renderer.Write(s_open[index]);
        DanglingDelimiters.Flatten(obj.Inline);
        HtmlTagBalance.MarkUnbalanced(obj.Inline);
        renderer.WriteLeafInline(obj);
        renderer.Write(s_close[index]);
    }
}
