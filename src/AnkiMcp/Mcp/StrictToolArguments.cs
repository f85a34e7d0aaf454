using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>
/// Holds every tool call to its input schema before the tool runs: an argument or field the schema does not name is
/// refused with the valid names listed (left alone, the SDK would drop it silently, so <c>dryRun</c> for
/// <c>dry_run</c> would run a real sync). Argument-binding failures (a required argument missing, a value of the wrong
/// JSON type) become errors the assistant can correct instead of the SDK's redacted "An error occurred invoking …".
/// </summary>
internal static class StrictToolArguments
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            string tool = context.Params?.Name ?? "the tool";
            if (context.Params?.Arguments is { } arguments
                && context.Server.ServerOptions.ToolCollection?.TryGetPrimitive(tool, out McpServerTool? known) == true)
            {
                JsonElement schema = known.ProtocolTool.InputSchema;
                List<string> problems = [];
                CheckObject(arguments, schema, schema, null, problems);
                if (problems.Count > 0)
                    return Error($"{string.Join(" ", problems)} Nothing was done; call {tool} again with the names its input schema gives.");
            }

            try
            {
                return await next(context, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException { ParamName: "arguments" } or JsonException)
            {
                return Error($"Invalid arguments for {tool}: {e.Message} Check the tool's input schema and call it again.");
            }
        };

    private static void CheckObject(IEnumerable<KeyValuePair<string, JsonElement>> members, JsonElement schema, JsonElement root, string? where, List<string> problems)
    {
        if (!Resolve(schema, root).TryGetProperty("properties", out JsonElement properties))
            return;
        string[] valid = [.. properties.EnumerateObject().Select(property => property.Name)];
        foreach ((string name, JsonElement value) in members)
        {
            if (properties.TryGetProperty(name, out JsonElement propertySchema))
            {
                Check(value, propertySchema, root, where is null ? $"'{name}'" : $"{where}.{name}", problems);
                continue;
            }

            string? meant = valid.FirstOrDefault(candidate => Loose(candidate) == Loose(name) || candidate.StartsWith(name + "_", StringComparison.OrdinalIgnoreCase));
            problems.Add((where is null ? $"Unknown argument '{Quoted.Of(name)}'; the arguments are {string.Join(", ", valid)}." : $"{where} has no field '{Quoted.Of(name)}'; its fields are {string.Join(", ", valid)}.")
                + (meant is null ? "" : $" Did you mean '{meant}'?"));
        }
    }

    private static void Check(JsonElement value, JsonElement schema, JsonElement root, string where, List<string> problems)
    {
        JsonElement resolved = Resolve(schema, root);
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value.EnumerateObject().Select(member => KeyValuePair.Create(member.Name, member.Value)), resolved, root, where, problems);
        }
        else if (value.ValueKind == JsonValueKind.Array && resolved.TryGetProperty("items", out JsonElement items))
        {
            int number = 0;
            foreach (JsonElement item in value.EnumerateArray())
                Check(item, items, root, $"{where} item {++number}", problems);
        }
    }

    // Schemas the SDK generates refer to repeated types as {"$ref": "#/properties/..."}.
    private static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$ref", out JsonElement reference) || reference.GetString() is not { } pointer || !pointer.StartsWith('#'))
            return schema;
        JsonElement target = root;
        foreach (string segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(name, out JsonElement next))
                target = next;
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(name, out int index) && index < target.GetArrayLength())
                target = target[index];
            else
                return schema;
        }

        return target;
    }

    private static string Loose(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
