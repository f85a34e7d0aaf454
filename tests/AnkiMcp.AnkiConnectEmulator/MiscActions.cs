using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Version, permission, <c>multi</c>, profiles, sync and reflection.</summary>
internal static class MiscActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("version", [], [], static _ => 6);
        yield return new("requestPermission", ["origin", "allowed"], [], RequestPermission);
        yield return new("multi", ["actions"], [], Multi);
        yield return new("sync", [], [], static _ => null);
        yield return new("getProfiles", [], [], static c => new JsonArray([.. c.State.ProfileNames.Select(p => JsonValue.Create(p))]));
        yield return new("getActiveProfile", [], [], static c => c.State.ActiveProfile);
        yield return new("loadProfile", ["name"], [], LoadProfile);
        yield return new("apiReflect", [], ["scopes", "actions"], ApiReflect);
    }

    private static JsonObject RequestPermission(ActionContext c)
    {
        string origin = ActionArguments.AsString(c.Args.Get("origin"), "origin");
        if (ActionArguments.Truthy(c.Args.Get("allowed")))
            return new JsonObject { ["permission"] = "granted", ["requireApikey"] = c.State.ApiKey is not null, ["version"] = 6 };
        // Not trusted: Anki asks the user in a modal popup; the emulated user answers No.
        return new JsonObject { ["permission"] = "denied" };
    }

    private static JsonArray Multi(ActionContext c)
    {
        var replies = new JsonArray();
        foreach (JsonNode? action in c.Args.Array("actions"))
        {
            JsonObject request = action as JsonObject
                ?? throw new AnkiActionException($"'{ActionArguments.PythonType(action)}' object has no attribute 'get'");
            replies.Add(c.Dispatcher.Dispatch(request));
        }
        return replies;
    }

    private static JsonNode LoadProfile(ActionContext c)
    {
        string name = c.Args.String("name");
        if (!c.State.ProfileNames.Contains(name))
            return false;
        c.State.ActiveProfile = name;
        return true;
    }

    private static JsonObject ApiReflect(ActionContext c)
    {
        if (c.Args.Get("scopes") is not JsonArray scopes)
            throw new AnkiActionException("scopes has invalid value");
        JsonNode? actions = c.Args.Get("actions");
        if (actions is not (null or JsonArray))
            throw new AnkiActionException("actions has invalid value");
        var result = new JsonObject { ["scopes"] = new JsonArray() };
        if (scopes.Any(s => s?.GetValueKind() == System.Text.Json.JsonValueKind.String && s.GetValue<string>() == "actions"))
        {
            var known = new HashSet<string>(ActionDispatcher.ActionNames, StringComparer.Ordinal);
            IEnumerable<string> names = actions is JsonArray asked
                ? asked.Select(a => a is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().Where(known.Contains)
                : known.Order(StringComparer.Ordinal);
            ((JsonArray)result["scopes"]!).Add("actions");
            result["actions"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]);
        }
        return result;
    }
}
