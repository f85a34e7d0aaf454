using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Python's <c>repr()</c> of JSON-decoded values, as the add-on's error texts show them.</summary>
internal static class PythonRepr
{
    /// <summary><c>str(list_of_strings)</c>, e.g. <c>['a', "it's"]</c>.</summary>
    public static string StringList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";

    public static string String(string value)
    {
        char quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c == quote)
                        text.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f)
                        text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append(quote).ToString();
    }

    public static string Of(JsonNode? node) => node switch
    {
        null => "None",
        JsonArray array => "[" + string.Join(", ", array.Select(Of)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => String(p.Key) + ": " + Of(p.Value))) + "}",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => String(value.GetValue<string>()),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => value.ToJsonString(),
        },
        _ => "None",
    };
}
