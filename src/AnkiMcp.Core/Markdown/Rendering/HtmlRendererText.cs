using Markdig.Renderers;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Text and attribute values written through Markdig's <see cref="HtmlRenderer"/> with Anki's escaping: text
/// escapes <c>&amp; &lt; &gt;</c> only (quotes stay as typed), attribute values also <c>"</c>.</summary>
internal static class HtmlRendererText
{
    public static void WriteText(this HtmlRenderer renderer, ReadOnlySpan<char> text) => Write(renderer, text, attribute: false);

    public static void WriteAttributeValue(this HtmlRenderer renderer, ReadOnlySpan<char> value) => Write(renderer, value, attribute: true);

    private static void Write(HtmlRenderer renderer, ReadOnlySpan<char> text, bool attribute)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (HtmlText.EntityFor(text[i], attribute) is not { } entity)
                continue;
            renderer.Write(text[start..i]);
            renderer.Write(entity);
            start = i + 1;
        }
        renderer.Write(text[start..]);
    }
}
