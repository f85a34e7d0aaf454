using System.Text;

namespace AnkiMcp.Core.Markdown;

/// <summary>HTML escaping for text (<c>&amp; &lt; &gt;</c>) and attribute values (also <c>"</c>).</summary>
internal static class HtmlText
{
    public static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text, bool attribute = false)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (EntityFor(text[i], attribute) is not { } entity)
                continue;
            html.Append(text[start..i]).Append(entity);
            start = i + 1;
        }
        html.Append(text[start..]);
    }

    /// <summary>The entity that stands for <paramref name="c"/>, or null when it is written as it is.</summary>
    public static string? EntityFor(char c, bool attribute) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' when attribute => "&quot;",
        _ => null,
    };
}
