using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AnkiMcp.Core.Markdown.Media;

namespace AnkiMcp.Core.Markdown.HtmlToMarkdown;

/// <summary>Converts inline HTML (text, <c>&lt;b&gt; &lt;i&gt; &lt;s&gt; &lt;mark&gt; &lt;code&gt; &lt;a&gt;
/// &lt;img&gt;</c>, line breaks) to Markdown. Emphasis is written with <c>*</c> delimiters when Markdown would read
/// them back as the same emphasis, otherwise as the HTML tag; other elements pass through as HTML tags around
/// converted content.</summary>
internal static partial class InlineMarkdown
{
    private const int MaximumEmphasisDepthWithDelimiters = 4;

    private static readonly HashSet<string> s_rawElements = new(StringComparer.Ordinal)
    {
        "script", "style", "audio", "video", "iframe", "object", "embed", "svg", "math", "template", "canvas", "select", "textarea",
        "ul", "ol", "pre", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    };

    public static void AppendNodes(StringBuilder output, IEnumerable<INode> nodes, InlineContext context)
    {
        foreach (INode node in nodes)
            AppendNode(output, node, context);
    }

    public static void AppendNode(StringBuilder output, INode node, InlineContext context)
    {
        switch (node)
        {
            case IText text:
                bool continued = text.NextSibling is IElement { LocalName: not ("br" or "div" or "p") };
                MarkdownEscaper.Append(output, text.Data, context.InLinkText, context.InTable, continued);
                break;
            case IComment comment:
                output.Append("<!--").Append(comment.Data).Append("-->");
                break;
            case IElement element:
                AppendElement(output, element, context);
                break;
        }
    }

    /// <summary>A line break: trailing blanks dropped (Markdown drops them too), then a newline.</summary>
    public static void Break(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] is ' ' or '\t')
            output.Length--;
        output.Append('\n');
    }

    public static void EnsureLineStart(StringBuilder output)
    {
        if (output.Length > 0 && output[^1] != '\n')
            Break(output);
    }

    private static void AppendElement(StringBuilder output, IElement element, InlineContext context)
    {
        switch (element.LocalName)
        {
            case "br":
                LineBreak(output, context);
                break;
            case "div" or "p":
                if (context.BreaksAsTags)
                {
                    LineBreak(output, context);
                    AppendNodes(output, element.ChildNodes, context);
                }
                else
                {
                    EnsureLineStart(output);
                    AppendNodes(output, element.ChildNodes, context);
                    EnsureLineStart(output);
                }
                break;
            case "b" or "strong":
                AppendDelimited(output, element, "**", "b", context);
                break;
            case "i" or "em":
                AppendDelimited(output, element, "*", "i", context);
                break;
            case "s" or "strike" or "del":
                AppendDelimited(output, element, "~~", "s", context);
                break;
            case "mark":
                AppendDelimited(output, element, "==", "mark", context);
                break;
            case "code":
                AppendCode(output, element);
                break;
            case "a":
                AppendLink(output, element, context);
                break;
            case "img":
                AppendImage(output, element);
                break;
            default:
                if (s_rawElements.Contains(element.LocalName) || element.ChildNodes.Length == 0 && !IsPairedInline(element))
                {
                    output.Append(element.OuterHtml);
                    break;
                }
                AppendStartTag(output, element);
                AppendNodes(output, element.ChildNodes, context);
                output.Append("</").Append(element.LocalName).Append('>');
                break;
        }
    }

    private static bool IsPairedInline(IElement element) => element.LocalName is "u" or "span" or "sub" or "sup" or "font" or "small" or "big" or "kbd" or "abbr" or "q" or "cite" or "var" or "samp" or "ins";

    private static void LineBreak(StringBuilder output, InlineContext context)
    {
        if (context.BreaksAsTags)
            output.Append("<br>");
        else
            Break(output);
    }

    private static void AppendStartTag(StringBuilder output, IElement element)
    {
        output.Append('<').Append(element.LocalName);
        foreach (IAttr attribute in element.Attributes)
        {
            output.Append(' ').Append(attribute.Name).Append("=\"");
            HtmlText.AppendEscaped(output, attribute.Value, attribute: true);
            output.Append('"');
        }
        output.Append('>');
    }

    private static void AppendDelimited(StringBuilder output, IElement element, string delimiter, string tag, InlineContext context)
    {
        string? inside = InsideDelimited(element);
        // <i> inside <i> looks like one <i>: keep the text without delimiters (deciding before converting, so that
        // nested emphasis is converted once, not once per level).
        if (inside == tag)
        {
            AppendNodes(output, element.ChildNodes, context);
            return;
        }
        context = context with { EmphasisDepth = context.EmphasisDepth + 1 };
        // Choosing the form below can convert the content twice; past a few levels of emphasis inside emphasis (which
        // no note needs) it is written as the tag around content converted once, on one line, so the cost stays linear.
        if (context.EmphasisDepth > MaximumEmphasisDepthWithDelimiters)
        {
            output.Append('<').Append(tag).Append('>');
            AppendNodes(output, element.ChildNodes, context with { InEmphasisTag = true });
            output.Append("</").Append(tag).Append('>');
            return;
        }
        int start = output.Length;
        output.Append(delimiter);
        int contentStart = output.Length;
        AppendNodes(output, element.ChildNodes, context);
        string content = output.ToString(contentStart, output.Length - contentStart);
        output.Length = start;
        string core = content.Trim(' ', '\t', '\n');
        // Emphasis cannot span paragraphs: keep the text without delimiters, converted again so that line starts are
        // escaped where they now are.
        if (core.Length == 0 || core.Contains("\n\n", StringComparison.Ordinal))
        {
            AppendNodes(output, element.ChildNodes, context);
            return;
        }
        int leading = content.IndexOf(core, StringComparison.Ordinal);
        AppendBlank(output, content[..leading]);
        char previous = output.Length > 0 ? output[^1] : '\n';
        // A delimiter right after the same character would join it into one longer run, so use the tag there.
        bool markdown = previous != delimiter[0] && (inside is null || DelimiterOf(inside)[0] != delimiter[0]) && CanOpen(previous, core[0]) && CanClose(core[^1], NextCharacter(element));
        if (markdown)
            output.Append(delimiter).Append(core).Append(delimiter);
        else
            output.Append('<').Append(tag).Append('>').Append(core).Append("</").Append(tag).Append('>');
        AppendBlank(output, content[(leading + core.Length)..]);
    }

    /// <summary>The tag (b, i, s, mark) of the nearest enclosing element that is written with delimiters, or null.</summary>
    private static string? InsideDelimited(IElement element)
    {
        for (IElement? parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            string? tag = parent.LocalName switch
            {
                "b" or "strong" => "b",
                "i" or "em" => "i",
                "s" or "strike" or "del" => "s",
                "mark" => "mark",
                _ => null,
            };
            if (tag is not null)
                return tag;
        }
        return null;
    }

    private static string DelimiterOf(string tag) => tag switch
    {
        "b" => "**",
        "i" => "*",
        "s" => "~~",
        _ => "==",
    };

    private static void AppendBlank(StringBuilder output, string blank)
    {
        foreach (char c in blank)
        {
            if (c == '\n')
                Break(output);
            else if (output.Length > 0 && output[^1] != '\n')
                output.Append(c);
        }
    }

    // CommonMark's flanking rules: a delimiter opens when followed by a non-blank that is not punctuation, or by
    // punctuation when preceded by a blank or punctuation; closing mirrors this.
    private static bool CanOpen(char previous, char first) =>
        !IsBlank(first) && (!IsPunctuation(first) || IsBlank(previous) || IsPunctuation(previous));

    private static bool CanClose(char last, char next) =>
        !IsBlank(last) && (!IsPunctuation(last) || IsBlank(next) || IsPunctuation(next));

    private static bool IsBlank(char c) => c is '\0' or '\n' || char.IsWhiteSpace(c);

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>The first character Markdown will see after the element: from the next text, '&lt;' or a delimiter
    /// for elements (punctuation either way), a blank for line breaks and the end.</summary>
    private static char NextCharacter(IElement element)
    {
        for (INode? node = element.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is IText text)
            {
                if (text.Data.Length > 0)
                    return text.Data[0];
                continue;
            }
            if (node is IElement next)
            {
                return next.LocalName switch
                {
                    "br" or "div" or "p" => '\n',
                    "b" or "strong" or "i" or "em" => '*',
                    "s" or "strike" or "del" => '~',
                    "mark" => '=',
                    "code" => '`',
                    "a" => '[',
                    "img" => '!',
                    _ => '<',
                };
            }
        }
        return '\0';
    }

    private static void AppendCode(StringBuilder output, IElement element)
    {
        string code = element.TextContent.Replace('\n', ' ');
        if (code.Length == 0)
            return;
        int fence = 1;
        while (HasBacktickRun(code, fence))
            fence++;
        bool pad = code[0] == '`' || code[^1] == '`' || (code.Length > 1 && code[0] == ' ' && code[^1] == ' ' && code.Trim(' ').Length > 0);
        output.Append('`', fence);
        if (pad)
            output.Append(' ');
        output.Append(code);
        if (pad)
            output.Append(' ');
        output.Append('`', fence);
    }

    private static bool HasBacktickRun(string code, int length)
    {
        int run = 0;
        foreach (char c in code.Append('\0'))
        {
            if (c == '`')
            {
                run++;
                continue;
            }
            if (run == length)
                return true;
            run = 0;
        }
        return false;
    }

    private static void AppendLink(StringBuilder output, IElement element, InlineContext context)
    {
        string href = element.GetAttribute("href") ?? "";
        string? title = element.GetAttribute("title");
        string text = element.TextContent;
        if (title is null && element.Children.Length == 0 && element.Attributes.Length == 1)
        {
            if (text == href && AbsoluteUri().IsMatch(href))
            {
                output.Append('<').Append(href).Append('>');
                return;
            }
            if (href == "mailto:" + text && Email().IsMatch(text))
            {
                output.Append('<').Append(text).Append('>');
                return;
            }
        }
        output.Append('[');
        AppendNodes(output, element.ChildNodes, context with { InLinkText = true });
        output.Append("](");
        AppendDestination(output, href, title);
        output.Append(')');
    }

    private static void AppendImage(StringBuilder output, IElement element)
    {
        string source = element.GetAttribute("src") ?? "";
        string path = IsExternal(source) ? source : MediaFolder.FolderName + "/" + source;
        output.Append("![");
        MarkdownEscaper.Append(output, element.GetAttribute("alt") ?? "", inLinkText: true);
        output.Append("](");
        AppendDestination(output, path, element.GetAttribute("title"));
        output.Append(')');
        string? width = WidthOf(element);
        if (width is not null)
            output.Append("{width=").Append(width).Append('}');
    }

    private static string? WidthOf(IElement image)
    {
        if (StyleWidth().Match(image.GetAttribute("style") ?? "") is { Success: true } match)
            return match.Groups["n"].Value;
        string? attribute = image.GetAttribute("width");
        return attribute is not null && double.TryParse(attribute, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) && attribute.Length > 0 && char.IsAsciiDigit(attribute[0]) ? attribute : null;
    }

    private static bool IsExternal(string source) =>
        source.StartsWith('/') || source.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || AbsoluteUri().IsMatch(source);

    private static void AppendDestination(StringBuilder output, string destination, string? title)
    {
        bool pointy = destination.Length == 0 || destination.Any(c => c is ' ' or '<' or '>' or '(' or ')' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c));
        if (pointy)
        {
            output.Append('<');
            foreach (char c in destination)
            {
                if (c is '<' or '>' or '\\')
                    output.Append('\\');
                output.Append(c is '\n' or '\r' ? ' ' : c);
            }
            output.Append('>');
        }
        else
        {
            output.Append(destination);
        }
        if (!string.IsNullOrEmpty(title))
        {
            output.Append(" \"");
            foreach (char c in title)
            {
                if (c is '"' or '\\')
                    output.Append('\\');
                output.Append(c);
            }
            output.Append('"');
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*$")]
    private static partial Regex AbsoluteUri();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:^|;)\s*width\s*:\s*(?<n>[0-9]+(?:\.[0-9]+)?)px", RegexOptions.IgnoreCase)]
    private static partial Regex StyleWidth();
}
