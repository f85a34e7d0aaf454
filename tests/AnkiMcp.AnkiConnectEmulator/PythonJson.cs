using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Writes JSON the way Python's <c>json.dumps</c> does by default: <c>", "</c> and <c>": "</c>, non-ASCII as <c>\uXXXX</c>.</summary>
internal static class PythonJson
{
    public static byte[] Serialize(JsonNode? node)
    {
        var text = new StringBuilder(256);
        Write(text, node);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                bool firstProperty = true;
                foreach (var (name, value) in obj)
                {
                    if (!firstProperty)
                        text.Append(", ");
                    firstProperty = false;
                    WriteString(text, name);
                    text.Append(": ");
                    Write(text, value);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        text.Append(", ");
                    Write(text, array[i]);
                }
                text.Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue(out long number))
        {
            text.Append(number.ToString(CultureInfo.InvariantCulture));
            return;
        }
        if (value.TryGetValue(out int small))
        {
            text.Append(small.ToString(CultureInfo.InvariantCulture));
            return;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                text.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
