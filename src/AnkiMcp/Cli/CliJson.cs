using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnkiMcp.Cli;

/// <summary>How commands write <c>--json</c>: indented, camelCase names, enums as camelCase strings, and text as written
/// (scripts read it, no browser embeds it: non-ASCII letters, backticks and angle brackets need no \u escapes).</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
