using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Finds raw inline HTML tags without a partner in the same paragraph. An unclosed <c>&lt;b&gt;</c> would
/// swallow the rest of the field once Anki shows it, so such tags are written as text instead.</summary>
internal static class HtmlTagBalance
{
    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly object s_unbalanced = new();

    /// <summary>Marks the unbalanced tags among the inlines of one paragraph (see <see cref="IsUnbalanced"/>).</summary>
    public static void MarkUnbalanced(ContainerInline? container)
    {
        if (UnbalancedTags(container) is not { } unbalanced)
            return;
        foreach (HtmlInline tag in unbalanced)
            tag.SetData(s_unbalanced, true);
    }

    public static bool IsUnbalanced(HtmlInline tag) => tag.GetData(s_unbalanced) is not null;

    private static HashSet<HtmlInline>? UnbalancedTags(ContainerInline? container)
    {
        if (container is null)
            return null;
        List<HtmlInline>? tags = null;
        CollectHtml(container, ref tags);
        if (tags is null)
            return null;
        List<(string Name, HtmlInline Tag)> open = [];
        HashSet<HtmlInline>? unbalanced = null;
        foreach (HtmlInline tag in tags)
        {
            (string? name, bool closing) = Parse(tag.Tag);
            if (name is null || s_void.Contains(name) || tag.Tag.EndsWith("/>", StringComparison.Ordinal))
                continue;
            if (!closing)
            {
                open.Add((name, tag));
                continue;
            }
            int match = open.FindLastIndex(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match < 0)
            {
                (unbalanced ??= []).Add(tag);
                continue;
            }
            for (int i = open.Count - 1; i > match; i--)
                (unbalanced ??= []).Add(open[i].Tag);
            open.RemoveRange(match, open.Count - match);
        }
        foreach ((_, HtmlInline tag) in open)
            (unbalanced ??= []).Add(tag);
        return unbalanced;
    }

    // A plain walk in document order: Markdig's FindDescendants allocates an iterator and a stack per paragraph, and
    // most paragraphs hold no HTML at all.
    private static void CollectHtml(ContainerInline container, ref List<HtmlInline>? tags)
    {
        for (Inline? inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is HtmlInline html)
                (tags ??= []).Add(html);
            else if (inline is ContainerInline inner)
                CollectHtml(inner, ref tags);
        }
    }

    private static (string? Name, bool Closing) Parse(string tag)
    {
        if (tag.Length < 3 || tag[0] != '<' || tag[1] is '!' or '?')
            return (null, false);
        bool closing = tag[1] == '/';
        int start = closing ? 2 : 1;
        int end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
            end++;
        return end == start ? (null, false) : (tag[start..end], closing);
    }
}
