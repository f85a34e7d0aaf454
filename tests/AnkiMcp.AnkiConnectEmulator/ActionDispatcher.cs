using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>AnkiConnect's <c>handler</c>: key check, action lookup, the call, and the reply shaped by the request's version.</summary>
internal sealed class ActionDispatcher(EmulatorState state, Action refuseConnections)
{
    private static readonly Dictionary<string, ActionSpec> Actions = BuildTable();

    public static IEnumerable<string> ActionNames => Actions.Keys;

    /// <summary>Handles one request object (top level or a <c>multi</c> sub-action) and returns its reply.</summary>
    /// <exception cref="ConnectionDropException">A planned fault says this call never gets an answer.</exception>
    public JsonNode? Dispatch(JsonObject request)
    {
        string? action = request["action"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
        long version = request["version"] is JsonValue v && v.TryGetValue(out long given) ? given : 4;
        JsonObject parameters = request["params"] as JsonObject ?? [];
        Count(action ?? "");
        if (state.BrowseBeforeAction is { } browse && browse.Action == action)
        {
            state.BrowseBeforeAction = null;
            state.Browser.Search(state.Collection, [.. state.Collection.FindNote(browse.NoteId)?.Cards.Select(card => card.Id) ?? []]);
        }
        try
        {
            if (action != "requestPermission" && !KeyMatches(request["key"]))
                throw new AnkiActionException("valid api key must be provided");
            if (action is null || !Actions.TryGetValue(action, out ActionSpec? spec))
                throw new AnkiActionException("unsupported action");
            if (spec.SignatureError(parameters) is string signatureError)
                throw new AnkiActionException(signatureError);
            JsonNode? result = spec.Run(new ActionContext(state, new ActionArguments(parameters), this));
            return version <= 4 ? result : new JsonObject { ["result"] = result, ["error"] = null };
        }
        catch (AnkiActionException e)
        {
            return ErrorReply(e.Message);
        }
    }

    public static JsonObject ErrorReply(string message) => new() { ["result"] = null, ["error"] = message };

    private bool KeyMatches(JsonNode? key)
    {
        if (state.ApiKey is null)
            return key is null;
        return key is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == state.ApiKey;
    }

    private void Count(string action)
    {
        state.ActionCounts.AddOrUpdate(action, 1, static (_, count) => count + 1);
        if (state.DropOnAction is not { } fault || fault.Action != action)
            return;
        if (fault.Remaining > 1)
        {
            state.DropOnAction = fault with { Remaining = fault.Remaining - 1 };
            return;
        }
        state.DropOnAction = null;
        if (fault.ThenRefuse)
            refuseConnections();
        throw new ConnectionDropException();
    }

    private static Dictionary<string, ActionSpec> BuildTable()
    {
        var table = new Dictionary<string, ActionSpec>(StringComparer.Ordinal);
        foreach (ActionSpec spec in MiscActions.All().Concat(DeckActions.All()).Concat(ModelActions.All())
                     .Concat(NoteActions.All()).Concat(MediaActions.All()).Concat(GuiActions.All()))
        {
            table.Add(spec.Name, spec);
        }
        return table;
    }
}
