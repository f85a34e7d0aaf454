using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering.Inlines;

/// <summary>Emphasis in the tags Anki's editor uses: <c>*i*</c> → <c>&lt;i&gt;</c>, <c>**b**</c> → <c>&lt;b&gt;</c>,
/// <c>~~s~~</c> → <c>&lt;s&gt;</c>, <c>==mark==</c> → <c>&lt;mark&gt;</c>; as AnkiOps, <c>~sub~</c> → <c>&lt;sub&gt;</c>
/// and <c>^sup^</c> → <c>&lt;sup&gt;</c>.</summary>
internal sealed class AnkiEmphasisRenderer : HtmlObjectRenderer<EmphasisInline>
{
    protected override void Write(HtmlRenderer renderer, EmphasisInline obj)
    {
        string tag = (obj.DelimiterChar, obj.DelimiterCount) switch
        {
            ('~', 1) => "sub",
            ('^', _) => "sup",
            ('~', _) => "s",
            ('=', _) => "mark",
            (_, 2) => "b",
            _ => "i",
        };
        renderer.Write('<').Write(tag).Write('>');
        renderer.WriteChildren(obj);
        renderer.Write("</").Write(tag).Write('>');
    }
}
