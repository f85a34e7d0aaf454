using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AnkiMcp.Tests.Mcp;

/// <summary>How the tests use the SDK's <see cref="McpClient"/>, whichever server it is connected to.</summary>
internal static class McpTestClient
{
    /// <summary>
    /// Client options that wait long enough for a server starting on a busy machine: when the protocol probe times out the
    /// client falls back to 'initialize', which the server, having answered the probe meanwhile, then refuses.
    /// </summary>
    public static McpClientOptions Patient(McpClientOptions? options)
    {
        McpClientOptions patient = options ?? new McpClientOptions();
        patient.DiscoverProbeTimeout = TimeSpan.FromMinutes(2);
        patient.InitializationTimeout = TimeSpan.FromMinutes(2);
        return patient;
    }

    /// <summary>Calls a tool that must succeed and returns its structured content.</summary>
    public static async Task<JsonElement> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken);
        Assert.True(result.IsError != true, $"{tool} failed: {TextOf(result)}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent.Value;
    }

    /// <summary>Calls a tool that must fail and returns the error text the assistant reads.</summary>
    public static async Task<string> CallFailingAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken);
        Assert.True(result.IsError == true, $"{tool} should have failed but returned: {TextOf(result)}");
        return TextOf(result);
    }

    public static string TextOf(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
