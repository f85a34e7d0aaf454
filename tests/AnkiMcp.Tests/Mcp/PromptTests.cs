using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AnkiMcp.Tests.Mcp;

public sealed class PromptTests : CollectionTest
{
    [Fact]
    public async Task PromptFiles_AreServedWithTheirArgumentsAndRendered()
    {
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "prompts"), "*.md").Select(Path.GetFileNameWithoutExtension)!];
        await using McpClient client = await StartServerAsync();

        IList<McpClientPrompt> prompts = await client.ListPromptsAsync(cancellationToken: Ct);
        GetPromptResult review = await client.GetPromptAsync("end_of_lesson_review",
            new Dictionary<string, object?> { ["lesson"] = "Rust ownership and borrowing" }, cancellationToken: Ct);

        Assert.Equal(files.Order(StringComparer.Ordinal), prompts.Select(prompt => prompt.Name).Order(StringComparer.Ordinal));
        McpClientPrompt described = prompts.Single(prompt => prompt.Name == "end_of_lesson_review");
        Assert.Equal([("lesson", true), ("deck", false)], described.ProtocolPrompt.Arguments!.Select(argument => (argument.Name, argument.Required == true)));
        string text = Assert.IsType<TextContentBlock>(Assert.Single(review.Messages).Content).Text;
        Assert.Contains("Rust ownership and borrowing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{lesson}}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{deck}}", text, StringComparison.Ordinal);
        Assert.Contains("{{c1::", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredArgument_IsAnInvalidParamsError()
    {
        await using McpClient client = await StartServerAsync();

        McpProtocolException error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.GetPromptAsync("end_of_lesson_review", new Dictionary<string, object?>(), cancellationToken: Ct).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("needs the argument 'lesson'", error.Message, StringComparison.Ordinal);
    }
}
