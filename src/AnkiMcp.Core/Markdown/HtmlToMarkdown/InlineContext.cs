namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Where inline Markdown is being written: inside link text (<c>]</c> must be escaped), a table cell
/// (<c>|</c> must be escaped), or either a table cell or an HTML tag (<see cref="BreaksAsTags"/>: line breaks stay
/// <c>&lt;br&gt;</c>, as a blank line would end the cell or the tag's paragraph); and inside how many emphasis elements
/// (<c>&lt;b&gt; &lt;i&gt; &lt;s&gt; &lt;mark&gt;</c>).</summary>
internal readonly record struct InlineContext(bool InLinkText, bool InTable, int EmphasisDepth = 0, bool InEmphasisTag = false)
{
    public bool BreaksAsTags => InTable || InEmphasisTag;
}
