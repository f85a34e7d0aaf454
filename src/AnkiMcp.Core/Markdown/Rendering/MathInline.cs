using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>A MathJax span kept verbatim, delimiters included.</summary>
internal sealed class MathInline(string content) : LeafInline
{
    public string Content { get; } = content;
}
