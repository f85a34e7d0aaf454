using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol;

namespace AnkiMcp.Mcp;

/// <summary>
/// How tools read arguments and write results: snake_case names, as MCP tools commonly use (<c>batch_id</c>,
/// <c>dry_run</c>), and text as written — results are read by an MCP client, not embedded in HTML, so non-ASCII
/// letters, backticks and angle brackets need no \u escapes (quotes, backslashes and control characters still get them).
/// </summary>
internal static class ToolJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, for resources a person may read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        JsonSerializerOptions options = new(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.MakeReadOnly();
        return options;
    }
}
