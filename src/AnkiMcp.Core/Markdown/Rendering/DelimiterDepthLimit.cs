using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Markdig keeps every open <c>[</c>, <c>*</c>, <c>_</c>, <c>==</c> or <c>~~</c> as a container of what follows
/// and walks down to the innermost one for every inline, so a field of thousands of delimiters that never close takes
/// quadratic time (and past 10,240 fails). Once 64 delimiters are open at once, further ones are plain text: no real note
/// opens that many, and the field renders in linear time.</summary>
internal sealed class DelimiterDepthLimit : InlineParser
{
    private const int MaximumOpen = 64;

    public DelimiterDepthLimit() => OpeningCharacters = ['[', '!', '*', '_', '=', '~'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        char c = slice.CurrentChar;
        if (c == '!' && slice.PeekChar() != '[')
            return false;
        int open = 0;
        for (ContainerInline? container = processor.Root; container?.LastChild is ContainerInline { IsClosed: false } inner; container = inner)
        {
            if (++open >= MaximumOpen)
                break;
        }
        if (open < MaximumOpen)
            return false;
        int start = slice.Start;
        if (c is '[' or '!')
        {
            slice.Start += c == '!' ? 2 : 1;
        }
        else
        {
            while (slice.CurrentChar == c)
                slice.SkipChar();
        }
        processor.Inline = new LiteralInline(slice.Text.Substring(start, slice.Start - start));
        return true;
    }
}
