using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Parsers;
using Markdig.Syntax;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Markdown → Anki field HTML. CommonMark plus pipe tables, <c>~~strike~~</c> and <c>==mark==</c>, in the
/// shape Anki's own editor produces:
/// <list type="bullet">
/// <item>no <c>&lt;p&gt;</c>: a line break inside a paragraph is <c>&lt;br&gt;</c> and two paragraphs are joined by
/// <c>&lt;br&gt;&lt;br&gt;</c>; other blocks (headings, lists, quotes, code, tables, <c>&lt;hr&gt;</c>) follow each
/// other directly;</item>
/// <item><c>*em*</c> → <c>&lt;i&gt;</c>, <c>**strong**</c> → <c>&lt;b&gt;</c>, <c>~~x~~</c> → <c>&lt;s&gt;</c>,
/// <c>==x==</c> → <c>&lt;mark&gt;</c>; as AnkiOps writes them, <c>~x~</c> → <c>&lt;sub&gt;</c>, <c>^x^</c> →
/// <c>&lt;sup&gt;</c>, and the arrows <c>--&gt;</c> → →, <c>==&gt;</c> → ⇒, <c>=/=</c> → ≠;</item>
/// <item>fenced code → <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c> with highlighting spans;</item>
/// <item><c>![alt](media/x.png){width=300}</c> → <c>&lt;img src="x.png" alt="alt" style="width: 300px;"&gt;</c>;</item>
/// <item>MathJax <c>\( \)</c> / <c>\[ \]</c>, clozes and raw HTML pass through unchanged (AnkiOps's <c>\\[ … \]</c>
/// reaches Anki as <c>\[ … \]</c>).</item>
/// </list>
/// <see cref="AnkiHtmlConverter"/> maps all of this back.</summary>
public static class AnkiHtmlRenderer
{
    private static readonly MarkdownPipelineBuilder s_builder = CreateBuilder();
    private static readonly MarkdownPipeline s_pipeline = s_builder.Build();
    private static readonly MarkdownPipeline s_withoutTables = CreateBuilder(tables: false).Build();

    /// <summary>The pipeline fields are parsed with.</summary>
    internal static MarkdownPipeline Pipeline => s_pipeline;

    /// <summary>The block parsers of the pipeline, for reading a field line by line exactly as it is rendered (without the
    /// nesting limit: a deck file is read whatever its fields hold, and a field too deep is refused when rendered).</summary>
    internal static BlockParserList BlockParsers { get; } = new(s_builder.BlockParsers.Where(parser => parser is not BlockNestingLimit));

    /// <exception cref="MarkdownTooDeepException">The field nests deeper than the parser allows.</exception>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return PlainText.TryRender(markdown) ?? ToHtmlWithMarkdig(markdown);
    }

    /// <summary>Renders without the plain-text shortcut (for tests that check the shortcut agrees).</summary>
    internal static string ToHtmlWithMarkdig(string markdown)
    {
        try
        {
            MarkdownDocument document = Markdig.Markdown.Parse(markdown, s_pipeline);
            if (markdown.Contains('|', StringComparison.Ordinal))
                TooWideTables.Untable(document, markdown, s_withoutTables);
            return document.ToHtml(s_pipeline);
        }
        catch (ArgumentException tooDeep) when (tooDeep.ParamName is null)
        {
            // Markdig's only argument error without a parameter is its depth limit.
            throw new MarkdownTooDeepException(tooDeep);
        }
    }

    private static MarkdownPipelineBuilder CreateBuilder(bool tables = true)
    {
        MarkdownPipelineBuilder builder = new();
        if (tables)
            builder.UsePipeTables();
        builder.UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Marked | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript);
        builder.Extensions.Add(new AnkiHtmlExtension());
        return builder;
    }
}
