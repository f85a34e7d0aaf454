using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>An action's <c>params</c>, read the way Python reads keyword arguments and JSON values.</summary>
internal sealed class ActionArguments(JsonObject parameters)
{
    public bool Has(string name) => parameters.ContainsKey(name);

    public JsonNode? Get(string name) => parameters[name];

    public string String(string name) => AsString(parameters[name], name);

    public string? OptionalString(string name) => parameters[name] is null ? null : String(name);

    public long Long(string name) => AsLong(parameters[name]);

    public bool Bool(string name, bool fallback) => parameters.ContainsKey(name) ? Truthy(parameters[name]) : fallback;

    public JsonArray Array(string name) =>
        parameters[name] as JsonArray ?? throw new AnkiActionException($"'{PythonType(parameters[name])}' object is not iterable");

    public JsonObject Object(string name) => AsObject(parameters[name], name);

    public IEnumerable<long> Longs(string name) => Array(name).Select(AsLong);

    public static string AsString(JsonNode? node, string what) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new AnkiActionException($"{what} must be a string, not {PythonType(node)}");

    public static long AsLong(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number)
            ? number
            : node is JsonValue text && text.GetValueKind() == JsonValueKind.String && long.TryParse(text.GetValue<string>(), out long parsed)
                ? parsed
                : throw new AnkiActionException($"int() argument must be a string, a bytes-like object or a real number, not '{PythonType(node)}'");

    public static JsonObject AsObject(JsonNode? node, string key) =>
        node as JsonObject ?? throw new AnkiActionException(node is null ? $"'{key}'" : $"'{PythonType(node)}' object is not subscriptable");

    /// <summary>Python truthiness of a JSON value.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => value.ToJsonString() is not ("0" or "0.0"),
            _ => false,
        },
        _ => false,
    };

    /// <summary>The Python type name of a JSON value, as error messages show it.</summary>
    public static string PythonType(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonArray => "list",
        JsonObject => "dict",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => value.TryGetValue(out long _) ? "int" : "float",
            _ => "NoneType",
        },
        _ => "NoneType",
    };
}
