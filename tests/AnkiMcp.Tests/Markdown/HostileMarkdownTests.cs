using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using AnkiMcp.Core.Markdown.Rendering;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Sync;

namespace AnkiMcp.Tests.Markdown;

/// <summary>Fields built to break a Markdown parser render as the text they are, or end in an error that names the note;
/// never an unhandled exception. Their time per size is measured by the benchmark <c>hostile</c>, not here.</summary>
public sealed class HostileMarkdownTests
{
    public static TheoryData<string, int> Repeated => new()
    {
        { "[a](", 20_000 },
        { "[a](", 50_000 },
        { "[", 100_000 },
        { "[a](b (", 20_000 },
        { "![a](", 20_000 },
        { "[a", 20_000 },
        { "a** ", 20_000 },
        { "==a ", 20_000 },
        { "~~a ", 20_000 },
    };

    [Theory]
    [MemberData(nameof(Repeated))]
    public void UnclosedLinksAndDelimiters_RenderAsTheirText_AndReadBack(string pattern, int count)
    {
        string field = string.Concat(Enumerable.Repeat(pattern, count)).TrimEnd();

        string html = AnkiHtmlRenderer.ToHtml(field);

        Assert.Equal(field, html);
        Assert.Equal(AnkiHtmlRenderer.ToHtml(AnkiHtmlConverter.ToMarkdown(html)), html);
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(200, false)]
    public void EmphasisNestedWithinTheOpenLimit_Pairs_AndPastIt_StaysText(int depth, bool pairs)
    {
        string field = string.Concat(Enumerable.Repeat("*a ", depth)) + "b" + new string('*', depth);

        string html = AnkiHtmlRenderer.ToHtml(field);

        Assert.Equal(pairs, html.Contains("<i>", StringComparison.Ordinal));
        string markdown = AnkiHtmlConverter.ToMarkdown(html);
        Assert.Equal(markdown, AnkiHtmlConverter.ToMarkdown(AnkiHtmlRenderer.ToHtml(markdown)));
    }

    /// <summary>Anki HTML can nest what Markdown cannot say in one form; converting it stays linear (it once converted
    /// each level twice: 2^depth) and settles after one cycle.</summary>
    [Theory]
    [InlineData("<i>a ", "</i>", 4_000)]
    [InlineData("<i>a <b>a ", "</b></i>", 1_000)]
    [InlineData("<i><b>", "</b></i>", 40)]
    public void DeeplyNestedEmphasisFromAnki_ConvertsOnce_AndSettles(string open, string close, int depth)
    {
        string html = string.Concat(Enumerable.Repeat(open, depth)) + "x<br><br>y" + string.Concat(Enumerable.Repeat(close, depth));

        string markdown = AnkiHtmlConverter.ToMarkdown(html);

        Assert.Contains("x", markdown, StringComparison.Ordinal);
        Assert.Contains("y", markdown, StringComparison.Ordinal);
        Assert.Equal(markdown, AnkiHtmlConverter.ToMarkdown(AnkiHtmlRenderer.ToHtml(markdown)));
    }

    [Fact]
    public void ManyBracketsFromAnki_AreEscapedOnlyWhereTheyWouldLink()
    {
        string html = string.Concat(Enumerable.Repeat("[a]x", 50_000)) + "[b](c)";

        string markdown = AnkiHtmlConverter.ToMarkdown(html);

        Assert.Equal(html, AnkiHtmlRenderer.ToHtml(markdown));
        Assert.StartsWith("\\[a]x\\[a]x", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("> ", 20_000)]
    [InlineData("- ", 20_000)]
    [InlineData("1. ", 200)]
    public void NestingPastTheLimit_IsRefusedWithWhatToDo(string marker, int depth)
    {
        string field = string.Concat(Enumerable.Repeat(marker, depth)) + "a";

        MarkdownTooDeepException refused = Assert.Throws<MarkdownTooDeepException>(() => AnkiHtmlRenderer.ToHtml(field));

        Assert.Contains("128 levels deep", refused.Message, StringComparison.Ordinal);
        Assert.Contains("flatten it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheLimit_Renders()
    {
        string html = AnkiHtmlRenderer.ToHtml(string.Concat(Enumerable.Repeat("> ", 60)) + "a");

        Assert.Equal(60, html.Split("<blockquote>").Length - 1);
    }

    [Fact]
    public async Task ANoteNestedTooDeep_StopsTheSyncAtItsFileAndLine_BeforeAnythingChanged()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "Q: What is ATP?\nA: energy\n\n---\n\nQ: Deep?\nA: " + string.Concat(Enumerable.Repeat("> ", 20_000)) + "a\n");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("Biology.md:6", refused.Message, StringComparison.Ordinal);
        Assert.Contains("128 levels deep", refused.Message, StringComparison.Ordinal);
        Assert.Empty(world.ManagedNotes());
    }
}
