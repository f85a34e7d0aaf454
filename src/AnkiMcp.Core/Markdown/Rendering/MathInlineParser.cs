using Markdig.Helpers;
using Markdig.Parsers;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Keeps <c>\( … \)</c> and <c>\[ … \]</c> away from Markdown (they would otherwise lose their backslashes as
/// escapes); runs before the escape parser.</summary>
internal sealed class MathInlineParser : InlineParser
{
    public MathInlineParser() => OpeningCharacters = ['\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ReadOnlySpan<char> text = slice.Text.AsSpan(slice.Start, slice.Length);
        int length = MathSpan.LengthAt(text, 0);
        if (length == 0)
            return false;
        processor.Inline = new MathInline(text[..length].ToString());
        slice.Start += length;
        return true;
    }
}
