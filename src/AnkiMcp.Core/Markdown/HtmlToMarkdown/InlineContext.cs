namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Where inline Markdown is being written: inside link text (<c>]</c> must be escaped) or a table cell
/// (<c>|</c> must be escaped and line breaks stay <c>&lt;br&gt;</c>).</summary>
internal readonly record struct InlineContext(bool InLinkText, bool InTable);
