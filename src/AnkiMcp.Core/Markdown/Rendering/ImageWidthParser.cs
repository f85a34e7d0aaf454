using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Reads <c>{width=N}</c> (N a number, optionally with a fraction) right after an image (AnkiOps' syntax) into
/// the image's HTML attributes, as Markdig's generic attributes would, but for images only: elsewhere <c>{…}</c> stays
/// text.</summary>
internal sealed class ImageWidthParser : InlineParser
{
    private const string WidthProperty = "width";

    public ImageWidthParser() => OpeningCharacters = ['{'];

    /// <summary>The width read for <paramref name="image"/>, or null.</summary>
    public static string? WidthOf(LinkInline image) =>
        image.TryGetAttributes()?.Properties?.Find(property => property.Key == WidthProperty).Value;

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (processor.Inline is not LinkInline { IsImage: true } image || WidthOf(image) is not null)
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
        image.GetAttributes().AddProperty(WidthProperty, text[Prefix.Length..end].ToString());
        slice.Start += end + 1;
        return true;
    }
}
