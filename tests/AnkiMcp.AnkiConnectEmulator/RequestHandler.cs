using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>The add-on's web layer: CORS and origin checks, the empty-body banner, JSON decoding and schema validation.</summary>
internal sealed class RequestHandler(EmulatorState state, ActionDispatcher dispatcher)
{
    private const string SchemaRepr =
        "{'type': 'object',\n"
        + " 'properties': {'action': {'type': 'string', 'minLength': 1},\n"
        + "                'version': {'type': 'integer'},\n"
        + "                'params': {'type': 'object'}},\n"
        + " 'required': ['action']}";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ConnectionDropException">A planned fault drops this request.</exception>
    public HttpReply Handle(RawHttpRequest request)
    {
        request.Headers.TryGetValue("origin", out string? origin);
        (bool allowed, string allowOrigin) = AllowOrigin(origin);
        if (request.Method == "OPTIONS")
        {
            bool privateNetwork = request.Headers.TryGetValue("access-control-request-private-network", out string? pna) && pna == "true";
            return HttpReply.Ok(allowOrigin, [], privateNetwork);
        }
        if (request.Body.Length == 0)
            return allowed ? HttpReply.Ok(allowOrigin, PythonJson.Serialize(new JsonObject { ["apiVersion"] = "AnkiConnect v.6" })) : HttpReply.Forbidden(allowOrigin);

        JsonNode? body;
        try
        {
            body = Decode(request.Body);
        }
        catch (AnkiActionException e)
        {
            return allowed ? Reply(allowOrigin, ActionDispatcher.ErrorReply(e.Message)) : HttpReply.Forbidden(allowOrigin);
        }
        if (SchemaError(body) is string schemaError)
            return allowed ? Reply(allowOrigin, ActionDispatcher.ErrorReply(schemaError)) : HttpReply.Forbidden(allowOrigin);

        var call = (JsonObject)body!;
        bool permissionRequest = call["action"]!.GetValue<string>() == "requestPermission";
        if (!allowed && !permissionRequest)
            return HttpReply.Forbidden(allowOrigin);
        if (permissionRequest)
        {
            if (call["params"] is not JsonObject parameters)
                call["params"] = parameters = [];
            parameters["origin"] = origin ?? "";
            parameters["allowed"] = allowed;
            if (!allowed)
                allowOrigin = origin ?? allowOrigin;
        }
        return Reply(allowOrigin, dispatcher.Dispatch(call));
    }

    private static HttpReply Reply(string allowOrigin, JsonNode? reply) => HttpReply.Ok(allowOrigin, PythonJson.Serialize(reply));

    /// <summary>AnkiConnect's <c>allowOrigin</c>: whether the request may run, and the <c>Access-Control-Allow-Origin</c> value.</summary>
    private (bool Allowed, string AllowOrigin) AllowOrigin(string? origin)
    {
        if (state.CorsOrigins.Contains("*"))
            return (true, "*");
        string fallback = state.CorsOrigins.Count > 0 ? state.CorsOrigins[0] : "http://localhost";
        if (origin is null)
            return (true, "http://localhost");
        if (state.CorsOrigins.Contains(origin))
            return (true, origin);
        if (state.CorsOrigins.Contains("http://localhost")
            && (origin is "http://127.0.0.1" or "https://127.0.0.1"
                || origin.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
                || origin.StartsWith("chrome-extension://", StringComparison.Ordinal)
                || origin.StartsWith("moz-extension://", StringComparison.Ordinal)
                || origin.StartsWith("safari-web-extension://", StringComparison.Ordinal)))
        {
            return (true, origin);
        }
        return (false, fallback);
    }

    private static JsonNode? Decode(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            throw new AnkiActionException(PythonJsonSyntax.Utf8Error(body, e));
        }
        if (PythonJsonSyntax.Error(text) is string syntaxError)
            throw new AnkiActionException(syntaxError);
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new AnkiActionException(e.Message);
        }
    }

    /// <summary>The first line and details jsonschema gives for the add-on's request schema, or null when valid.</summary>
    private static string? SchemaError(JsonNode? body)
    {
        if (body is not JsonObject call)
            return Failure($"{PythonRepr.Of(body)} is not of type 'object'", "type", "schema", SchemaRepr, "instance", body);
        if (call.ContainsKey("action"))
        {
            JsonNode? action = call["action"];
            if (action is not JsonValue a || a.GetValueKind() != JsonValueKind.String)
                return Failure($"{PythonRepr.Of(action)} is not of type 'string'", "type", "schema['properties']['action']", "{'type': 'string', 'minLength': 1}", "instance['action']", action);
            if (a.GetValue<string>().Length == 0)
                return Failure("'' should be non-empty", "minLength", "schema['properties']['action']", "{'type': 'string', 'minLength': 1}", "instance['action']", action);
        }
        if (call.ContainsKey("version") && !(call["version"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long _)))
            return Failure($"{PythonRepr.Of(call["version"])} is not of type 'integer'", "type", "schema['properties']['version']", "{'type': 'integer'}", "instance['version']", call["version"]);
        if (call.ContainsKey("params") && call["params"] is not JsonObject)
            return Failure($"{PythonRepr.Of(call["params"])} is not of type 'object'", "type", "schema['properties']['params']", "{'type': 'object'}", "instance['params']", call["params"]);
        if (!call.ContainsKey("action"))
            return Failure("'action' is a required property", "required", "schema", SchemaRepr, "instance", call);
        return null;
    }

    private static string Failure(string message, string validator, string schemaPath, string schema, string instancePath, JsonNode? instance) =>
        $"{message}\n\nFailed validating '{validator}' in {schemaPath}:\n{Indent(schema)}\n\nOn {instancePath}:\n{Indent(PythonRepr.Of(instance))}";

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
