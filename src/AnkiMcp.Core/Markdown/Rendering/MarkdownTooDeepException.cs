namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>A field nests Markdown deeper than the parser allows (quotes, lists, emphasis or links inside each other,
/// 128 levels). Callers name the field's file and line.</summary>
public sealed class MarkdownTooDeepException(Exception? inner = null)
    : FormatException("it nests quotes, lists, emphasis or links more than 128 levels deep, more than a card can show; flatten it", inner);
