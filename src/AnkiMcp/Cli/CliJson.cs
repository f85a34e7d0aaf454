using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnkiMcp.Cli;

/// <summary>How commands write <c>--json</c>: indented, camelCase names, enums as camelCase strings.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
