using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Reads <c>{width=N}</c> (N a number, optionally with a fraction) right after an image.</summary>
internal sealed class ImageWidthParser : InlineParser
{
    public ImageWidthParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (processor.Inline is not LinkInline { IsImage: true } image || image.GetData(typeof(ImageWidth)) is not null)
            return false;
        ReadOnlySpan<char> text = slice.Text.AsSpan(slice.Start, slice.Length);
        const string Prefix = "{width=";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        int end = Prefix.Length;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            end++;
        if (end == Prefix.Length || end >= text.Length || text[end] != '}' || !char.IsAsciiDigit(text[Prefix.Length]))
            return false;
        image.SetData(typeof(ImageWidth), new ImageWidth(text[Prefix.Length..end].ToString()));
        slice.Start += end + 1;
        return true;
    }
}
