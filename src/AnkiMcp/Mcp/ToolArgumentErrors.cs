using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>
/// Turns the SDK's argument-binding failures (a required argument missing, a value of the wrong JSON type) into tool
/// errors the assistant can read and correct; left alone, the SDK redacts them to "An error occurred invoking …".
/// </summary>
internal static class ToolArgumentErrors
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Readable(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException { ParamName: "arguments" } or JsonException)
            {
                string tool = context.Params?.Name ?? "the tool";
                return new CallToolResult
                {
                    IsError = true,
                    Content = [new TextContentBlock { Text = $"Invalid arguments for {tool}: {e.Message} Check the tool's input schema and call it again." }],
                };
            }
        };
}
