using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>AnkiOps's arrows: <c>--&gt;</c> → →, <c>==&gt;</c> → ⇒, <c>=/=</c> → ≠ in text (code keeps them as typed).
/// Runs before the <c>==mark==</c> parser, which would otherwise take <c>==</c>.</summary>
internal sealed class ArrowInlineParser : InlineParser
{
    public ArrowInlineParser() => OpeningCharacters = ['-', '='];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string? arrow = (slice.CurrentChar, slice.PeekChar(1), slice.PeekChar(2)) switch
        {
            ('-', '-', '>') => "\u2192",
            ('=', '=', '>') => "\u21D2",
            ('=', '/', '=') => "\u2260",
            _ => null,
        };
        if (arrow is null)
            return false;
        processor.Inline = new LiteralInline(arrow);
        slice.Start += 3;
        return true;
    }
}
