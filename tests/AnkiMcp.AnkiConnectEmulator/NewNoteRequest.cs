using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A note object of <c>addNote</c>/<c>addNotes</c>/<c>canAddNotes*</c>, validated the way AnkiConnect's <c>createNote</c> does.</summary>
internal sealed record NewNoteRequest(EmulatorModel Model, EmulatorDeck Deck, List<string> Values, List<string> Tags, JsonObject Note)
{
    /// <summary>Reads the note and raises, in the add-on's order, the first error <c>addNote</c> would give.</summary>
    public static NewNoteRequest Validate(EmulatorCollection collection, JsonNode? node)
    {
        JsonObject note = ActionArguments.AsObject(node, "note");
        string modelName = ActionArguments.AsString(note["modelName"] ?? throw new AnkiActionException("'modelName'"), "modelName");
        EmulatorModel model = collection.FindModel(modelName) ?? throw new AnkiActionException($"model was not found: {modelName}");
        string deckName = ActionArguments.AsString(note["deckName"] ?? throw new AnkiActionException("'deckName'"), "deckName");
        EmulatorDeck deck = collection.FindDeck(deckName) ?? throw new AnkiActionException($"deck was not found: {deckName}");
        var values = model.Fields.Select(_ => "").ToList();
        JsonObject fields = note["fields"] as JsonObject ?? throw new AnkiActionException("'fields'");
        foreach (var (name, value) in fields)
        {
            int index = model.FieldList.FindIndex(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                values[index] = ActionArguments.AsString(value, name);
        }
        List<string> tags = note["tags"] switch
        {
            null => [],
            JsonArray array => [.. array.Select(t => ActionArguments.AsString(t, "tag"))],
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
            _ => throw new AnkiActionException("Must provide tags as a list of strings"),
        };
        var request = new NewNoteRequest(model, deck, values, tags, note);
        request.Check(collection);
        return request;
    }

    /// <summary>AnkiConnect's <c>isNoteDuplicateOrEmptyInScope</c>.</summary>
    private void Check(EmulatorCollection collection)
    {
        JsonObject options = Note["options"] as JsonObject ?? [];
        bool allowDuplicate = BoolOption(options["allowDuplicate"], "allowDuplicate");
        JsonObject scopeOptions = options["duplicateScopeOptions"] as JsonObject ?? [];
        bool checkChildren = BoolOption(scopeOptions["checkChildren"], "duplicateScopeOptions.checkChildren");
        bool checkAllModels = BoolOption(scopeOptions["checkAllModels"], "duplicateScopeOptions.checkAllModels");
        bool deckScope = options["duplicateScope"] is JsonValue scope && scope.GetValueKind() == JsonValueKind.String && scope.GetValue<string>() == "deck";
        if (!deckScope && !checkAllModels)
        {
            if (collection.CheckNote(Model, Values, allowDuplicate) is string error)
                throw new AnkiActionException(error);
            return;
        }
        // The add-on's own check: raw first field, no cloze checks, optionally limited to a deck and its children.
        if (Values[0].Trim().Length == 0)
            throw new AnkiActionException("cannot create note because it is empty");
        if (allowDuplicate)
            return;
        EmulatorDeck? scopeDeck = Deck;
        if (scopeOptions["deckName"] is JsonValue deckName && deckName.GetValueKind() == JsonValueKind.String)
            scopeDeck = collection.FindDeck(deckName.GetValue<string>());
        if (scopeDeck is null)
            return;
        string key = AnkiText.StripHtmlPreservingMediaFileNames(Values[0]);
        bool duplicate = collection.Notes.Any(n =>
            (checkAllModels || n.Model == Model)
            && AnkiText.StripHtmlPreservingMediaFileNames(n.ValueList[0]) == key
            && (!deckScope || n.CardList.Any(card => card.Deck == scopeDeck
                || (checkChildren && card.Deck.Name.StartsWith(scopeDeck.Name + "::", StringComparison.OrdinalIgnoreCase)))));
        if (duplicate)
            throw new AnkiActionException("cannot create note because it is a duplicate");
    }

    private static bool BoolOption(JsonNode? value, string name) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() is JsonValueKind.False => false,
        _ => throw new AnkiActionException($"option parameter \"{name}\" must be boolean"),
    };
}
