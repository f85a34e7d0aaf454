using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Note, card, tag and search actions.</summary>
internal static class NoteActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("findNotes", [], ["query"], static c => Ids(FindNotes(c)));
        yield return new("findCards", [], ["query"], static c => Ids(FindCards(c, c.Args.Get("query"))));
        yield return new("notesInfo", [], ["notes", "query"], NotesInfo);
        yield return new("notesModTime", ["notes"], [], static c => new JsonArray([.. c.Args.Longs("notes").Select(id =>
            c.Collection.FindNote(id) is EmulatorNote n ? new JsonObject { ["noteId"] = n.Id, ["mod"] = n.Mod } : new JsonObject())]));
        yield return new("cardsInfo", ["cards"], [], static c => new JsonArray([.. c.Args.Longs("cards").Select(id =>
            c.Collection.FindCard(id) is EmulatorCard card ? CardRenderer.CardInfo(card) : new JsonObject())]));
        yield return new("cardsModTime", ["cards"], [], static c => new JsonArray([.. c.Args.Longs("cards").Select(id =>
            c.Collection.FindCard(id) is EmulatorCard card ? new JsonObject { ["cardId"] = card.Id, ["mod"] = card.Mod } : new JsonObject())]));
        yield return new("addNote", ["note"], [], static c => AddNote(c, c.Args.Get("note")).Id);
        yield return new("addNotes", ["notes"], [], AddNotes);
        yield return new("canAddNotes", ["notes"], [], static c => new JsonArray([.. c.Args.Array("notes").Select(n =>
            (JsonNode)JsonValue.Create(CheckError(c, n) is null))]));
        yield return new("canAddNotesWithErrorDetail", ["notes"], [], static c => new JsonArray([.. c.Args.Array("notes").Select(n =>
            CheckError(c, n) is string error
                ? new JsonObject { ["canAdd"] = false, ["error"] = error }
                : new JsonObject { ["canAdd"] = true })]));
        yield return new("updateNoteFields", ["note"], [], static c =>
        {
            UpdateNoteFields(c, c.Args.Object("note"));
            return null;
        });
        yield return new("updateNote", ["note"], [], UpdateNote);
        yield return new("updateNoteTags", ["note", "tags"], [], static c =>
        {
            UpdateNoteTags(c, c.Args.Get("note"), c.Args.Get("tags"));
            return null;
        });
        yield return new("getNoteTags", ["note"], [], static c =>
            new JsonArray([.. GetNote(c, c.Args.Get("note")).Tags.Select(t => JsonValue.Create(t))]));
        yield return new("addTags", ["notes", "tags"], ["add"], static c => BulkTags(c, add: c.Args.Bool("add", true)));
        yield return new("removeTags", ["notes", "tags"], [], static c => BulkTags(c, add: false));
        yield return new("getTags", [], [], static c =>
            new JsonArray([.. c.Collection.Tags.Order(StringComparer.OrdinalIgnoreCase).Select(t => JsonValue.Create(t))]));
        yield return new("clearUnusedTags", [], [], static c =>
        {
            c.Collection.ClearUnusedTags();
            return null;
        });
        yield return new("deleteNotes", ["notes"], [], static c =>
        {
            foreach (long id in c.Args.Longs("notes"))
            {
                if (c.Collection.FindNote(id) is EmulatorNote note)
                    c.Collection.DeleteNote(note);
            }
            return null;
        });
        yield return new("suspend", ["cards"], ["suspend"], static c => Suspend(c, c.Args.Bool("suspend", true)));
        yield return new("unsuspend", ["cards"], [], static c => Suspend(c, false));
    }

    /// <summary>The note ids matching the request's <c>query</c>; none without one.</summary>
    public static List<long> FindNotes(ActionContext c)
    {
        var seen = new HashSet<long>();
        return [.. FindCards(c, c.Args.Get("query")).Select(id => c.Collection.FindCard(id)!.Note.Id).Where(seen.Add)];
    }

    public static List<long> FindCards(ActionContext c, JsonNode? query)
    {
        if (query is null)
            return [];
        Func<EmulatorCard, bool> predicate = SearchParser.Parse(c.Collection, ActionArguments.AsString(query, "query"));
        return [.. c.Collection.Cards.Where(predicate).Select(card => card.Id)];
    }

    public static EmulatorNote GetNote(ActionContext c, JsonNode? id)
    {
        long noteId = ActionArguments.AsLong(id);
        return c.Collection.FindNote(noteId) ?? throw new AnkiActionException($"Note was not found: {noteId}");
    }

    private static JsonArray Ids(List<long> ids) => new([.. ids.Select(id => JsonValue.Create(id))]);

    private static JsonArray NotesInfo(ActionContext c)
    {
        IEnumerable<long> ids = c.Args.Get("query") is not null ? FindNotes(c)
            : c.Args.Get("notes") is not null ? c.Args.Longs("notes")
            : throw new AnkiActionException("Must provide either \"notes\" or a \"query\"");
        var result = new JsonArray();
        foreach (long id in ids)
            result.Add(c.Collection.FindNote(id) is EmulatorNote note ? NoteInfo(c.State.ActiveProfile, note) : new JsonObject());
        return result;
    }

    private static JsonObject NoteInfo(string profile, EmulatorNote note) => new()
    {
        ["noteId"] = note.Id,
        ["profile"] = profile,
        ["modelName"] = note.Model.Name,
        ["tags"] = new JsonArray([.. note.Tags.Select(t => JsonValue.Create(t))]),
        ["fields"] = CardRenderer.Fields(note),
        ["mod"] = note.Mod,
        ["cards"] = new JsonArray([.. note.Cards.Select(card => JsonValue.Create(card.Id))]),
    };

    private static string? CheckError(ActionContext c, JsonNode? note)
    {
        try
        {
            NewNoteRequest.Validate(c.Collection, note);
            return null;
        }
        catch (AnkiActionException e)
        {
            return e.Message;
        }
    }

    private static EmulatorNote AddNote(ActionContext c, JsonNode? node)
    {
        NewNoteRequest request = NewNoteRequest.Validate(c.Collection, node);
        MediaActions.Attach(c.Collection, request.Note, request.Model, request.Values);
        return c.Collection.AddNote(request.Model, request.Deck, request.Values, request.Tags);
    }

    private static JsonArray AddNotes(ActionContext c)
    {
        var results = new JsonArray();
        var added = new List<EmulatorNote>();
        var errors = new List<string>();
        foreach (JsonNode? node in c.Args.Array("notes"))
        {
            try
            {
                EmulatorNote note = AddNote(c, node);
                added.Add(note);
                results.Add(note.Id);
            }
            catch (AnkiActionException e)
            {
                errors.Add(e.Message);
                results.Add(null);
            }
        }
        if (errors.Count == 0 || c.State.LegacyAddNotes)
            return results;
        foreach (EmulatorNote note in added)
            c.Collection.DeleteNote(note);
        throw new AnkiActionException(PythonRepr.StringList(errors));
    }

    private static void UpdateNoteFields(ActionContext c, JsonObject request)
    {
        EmulatorNote note = GetNote(c, request["id"] ?? throw new AnkiActionException("'id'"));
        JsonObject fields = request["fields"] as JsonObject ?? throw new AnkiActionException("'fields'");
        var values = new Dictionary<int, string>();
        foreach (var (name, value) in fields)
        {
            int index = note.Model.FieldIndex(name);
            if (index >= 0)
                values[index] = ActionArguments.AsString(value, name);
        }
        if (request.ContainsKey("audio") || request.ContainsKey("video") || request.ContainsKey("picture"))
        {
            List<string> merged = [.. note.Values];
            foreach (var (index, value) in values)
                merged[index] = value;
            MediaActions.Attach(c.Collection, request, note.Model, merged);
            for (int i = 0; i < merged.Count; i++)
                values[i] = merged[i];
        }
        // Written past the Browser's editor, which keeps showing (and later saves) its own copy: see EmulatorBrowser.
        if (c.State.Browser.EditorNoteId != note.Id)
            c.Collection.SetValues(note, values);
    }

    private static JsonNode? UpdateNote(ActionContext c)
    {
        JsonObject request = c.Args.Object("note");
        bool updated = false;
        if (request.ContainsKey("fields"))
        {
            UpdateNoteFields(c, request);
            updated = true;
        }
        if (request.ContainsKey("tags"))
        {
            UpdateNoteTags(c, request["id"] ?? throw new AnkiActionException("'id'"), request["tags"]);
            updated = true;
        }
        if (!updated)
            throw new AnkiActionException("Must provide a \"fields\" or \"tags\" property.");
        return null;
    }

    private static void UpdateNoteTags(ActionContext c, JsonNode? id, JsonNode? tags)
    {
        List<string> list = tags switch
        {
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
            JsonArray array when array.All(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                [.. array.Select(t => t!.GetValue<string>())],
            _ => throw new AnkiActionException("Must provide tags as a list of strings"),
        };
        EmulatorNote note = GetNote(c, id);
        if (c.State.Browser.EditorNoteId != note.Id)
            c.Collection.SetTags(note, list);
    }

    private static JsonNode? BulkTags(ActionContext c, bool add)
    {
        string tags = c.Args.String("tags");
        List<string> given = c.Collection.CanonicalTags([tags]);
        foreach (long id in c.Args.Longs("notes"))
        {
            if (c.Collection.FindNote(id) is not EmulatorNote note)
                continue;
            IEnumerable<string> result = add
                ? note.TagList.Concat(given)
                : note.TagList.Where(t => !given.Contains(t, StringComparer.OrdinalIgnoreCase));
            c.Collection.SetTags(note, [.. result]);
        }
        return null;
    }

    private static JsonNode Suspend(ActionContext c, bool suspend)
    {
        bool changed = false;
        foreach (long id in c.Args.Longs("cards"))
        {
            EmulatorCard card = c.Collection.FindCard(id) ?? throw new AnkiActionException($"Card was not found: {id}");
            int queue = suspend ? -1 : 0;
            changed |= card.Queue != queue;
            card.Queue = queue;
        }
        return changed;
    }
}
