using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>The GUI actions: the Browser window (see <see cref="EmulatorBrowser"/>) and the dialogs a test can open; no review is ever active.</summary>
internal static class GuiActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("guiBrowse", [], ["query", "reorderCards"], static c =>
        {
            List<long> found = NoteActions.FindCards(c, c.Args.Get("query"));
            c.State.Browser.Search(c.Collection, c.Args.Get("query") is null ? null : found);
            return new JsonArray([.. found.Select(id => JsonValue.Create(id))]);
        });
        yield return new("guiSelectCard", ["card"], [], static c => c.State.Browser.Select(c.Collection, ActionArguments.AsLong(c.Args.Get("card"))));
        // Deprecated, and despite its name it takes a card id.
        yield return new("guiSelectNote", ["note"], [], static c => c.State.Browser.Select(c.Collection, ActionArguments.AsLong(c.Args.Get("note"))));
        yield return new("guiSelectedNotes", [], [], static c =>
            new JsonArray([.. c.State.Browser.SelectedNotes(c.Collection).Select(id => JsonValue.Create(id))]));
        yield return new("guiAddCards", [], ["note"], static c =>
        {
            if (c.Args.Get("note") is JsonObject note)
            {
                string modelName = ActionArguments.AsString(note["modelName"], "modelName");
                ModelActions.FindModel(c, modelName);
                string deckName = ActionArguments.AsString(note["deckName"], "deckName");
                _ = c.Collection.FindDeck(deckName) ?? throw new AnkiActionException($"deck was not found: {deckName}");
            }
            // Modern Anki: the note is only saved when the user presses Add, so the id returned is 0.
            return 0;
        });
        yield return new("guiEditNote", ["note"], [], static c =>
        {
            long id = ActionArguments.AsLong(c.Args.Get("note"));
            _ = c.Collection.FindNote(id) ?? throw new AnkiActionException(
                $"Your database appears to be in an inconsistent state. Please use the Check Database action. No such note: '{id}'");
            return null;
        });
        yield return new("guiCurrentCard", [], [], static _ => throw new AnkiActionException("Gui review is not currently active."));
        yield return new("guiReviewActive", [], [], static _ => false);
        yield return new("guiDeckBrowser", [], [], static _ => null);
        yield return new("guiCheckDatabase", [], [], static _ => true);
    }
}
