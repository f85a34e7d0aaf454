using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown;

/// <summary>The collection as JSON for batch review by an assistant, in AnkiOps' interchange shape (without its collab
/// <c>source</c>): <c>{"collection": {"serialized_at"}, "decks": [{"name", "notes": [{"note_key", "note_type",
/// "fields": {field name: Markdown}, "tags"}]}]}</c>. Deserializing validates the whole document before it writes any
/// deck file, and never replaces an existing file unless asked to.</summary>
public static class CollectionInterchange
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The decks of <paramref name="collection"/> as JSON: all of them, or <paramref name="deckName"/> (with its
    /// subdecks unless <paramref name="includeSubdecks"/> is false). Empty decks are left out.</summary>
    /// <exception cref="CollectionFormatException">A deck to serialize has errors (its notes would be missing), or the
    /// deck does not exist.</exception>
    public static string Serialize(MarkdownCollection collection, string? deckName = null, bool includeSubdecks = true, DateTimeOffset? serializedAt = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        List<DeckFile> decks = [.. collection.Decks.Where(d => deckName is null || (includeSubdecks ? DeckFileNames.IsSameOrSubdeck(d.DeckName, deckName) : d.DeckName == deckName))];
        if (deckName is not null && decks.Count == 0)
            throw new CollectionFormatException([new CollectionError(deckName, 0, $"no deck file for deck '{deckName}'; the decks are: {string.Join(", ", collection.Decks.Select(d => d.DeckName))}")]);
        List<CollectionError> errors = [.. decks.SelectMany(d => d.Errors)];
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);

        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("collection");
            writer.WriteString("serialized_at", (serializedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteStartArray("decks");
            foreach (DeckFile deck in decks.Where(d => d.Notes.Count > 0))
                WriteDeck(writer, deck, collection.NoteTypes);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the decks in <paramref name="json"/> as deck files of the collection in
    /// <paramref name="collectionDir"/>. Returns the paths written (a file whose text would not change is not written).</summary>
    /// <exception cref="CollectionFormatException">The document is invalid (every problem is listed, each naming its
    /// place in the document), or a deck file exists and <paramref name="overwrite"/> is false; nothing is written then.</exception>
    public static IReadOnlyList<string> Deserialize(string collectionDir, string json, bool overwrite, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        ArgumentNullException.ThrowIfNull(json);
        NoteTypeRegistry types = NoteTypeRegistry.Load(collectionDir);
        List<CollectionError> errors = [];
        void Error(string where, string message) => errors.Add(new CollectionError(sourceName, 0, $"{where}: {message}"));

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CollectionFormatException([new CollectionError(sourceName, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}")]);
        }
        List<(string Path, List<MarkdownNote> Notes)> decks = [];
        if (root is not JsonObject rootObject || rootObject["decks"] is not JsonArray deckArray)
        {
            Error("$", "expected an object with a \"decks\" array (as written by 'ankimcp serialize')");
            throw new CollectionFormatException(errors);
        }
        HashSet<string> deckNames = new(StringComparer.Ordinal);
        Dictionary<string, string> keys = new(StringComparer.Ordinal);
        for (int d = 0; d < deckArray.Count; d++)
        {
            string where = $"decks[{d}]";
            if (deckArray[d] is not JsonObject deck || Text(deck["name"]) is not { } name || deck["notes"] is not JsonArray notes)
            {
                Error(where, "each deck needs a \"name\" string and a \"notes\" array");
                continue;
            }
            if (!deckNames.Add(name))
                Error(where, $"deck '{name}' is listed twice");
            string fileName;
            try
            {
                fileName = DeckFileNames.ToFileName(name);
            }
            catch (ArgumentException e)
            {
                Error(where, e.Message);
                continue;
            }
            List<MarkdownNote> parsed = [];
            for (int n = 0; n < notes.Count; n++)
            {
                if (ReadNote(notes[n], $"{where}.notes[{n}]", types, keys, Error) is { } note)
                    parsed.Add(note);
            }
            decks.Add((Path.Combine(Path.GetFullPath(collectionDir), fileName), parsed));
        }

        foreach ((string path, _) in decks)
        {
            if (!File.Exists(path))
                continue;
            if (!overwrite)
            {
                errors.Add(new CollectionError(Path.GetFileName(path), 0, "exists already; run again with --overwrite to replace it"));
                continue;
            }
            DeckFile existing = DeckFileParser.Load(path, types);
            errors.AddRange(existing.Errors);
        }
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);

        List<string> written = [];
        foreach ((string path, List<MarkdownNote> notes) in decks)
        {
            if (DeckFileWriter.WriteDeck(path, notes, types))
                written.Add(path);
        }
        return written;
    }

    private static void WriteDeck(Utf8JsonWriter writer, DeckFile deck, NoteTypeRegistry types)
    {
        writer.WriteStartObject();
        writer.WriteString("name", deck.DeckName);
        writer.WriteStartArray("notes");
        foreach (MarkdownNote note in deck.Notes)
        {
            writer.WriteStartObject();
            if (note.Key is null)
                writer.WriteNull("note_key");
            else
                writer.WriteString("note_key", note.Key);
            writer.WriteString("note_type", note.NoteTypeName);
            writer.WriteStartObject("fields");
            foreach (NoteFieldDefinition field in types.Find(note.NoteTypeName)!.LabelledFields)
                writer.WriteString(field.Name, note.Fields.GetValueOrDefault(field.Name) ?? "");
            writer.WriteEndObject();
            writer.WriteStartArray("tags");
            foreach (string tag in note.Tags)
                writer.WriteStringValue(tag);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static MarkdownNote? ReadNote(JsonNode? node, string where, NoteTypeRegistry types, Dictionary<string, string> keys, Action<string, string> error)
    {
        if (node is not JsonObject note)
        {
            error(where, "each note must be an object with note_key, note_type, fields and tags");
            return null;
        }
        bool failed = false;
        void Fail(string message)
        {
            error(where, message);
            failed = true;
        }

        string? key = null;
        if (!note.TryGetPropertyValue("note_key", out JsonNode? keyNode))
            Fail("\"note_key\" is missing (use null for a new note)");
        else if (keyNode is not null && (Text(keyNode) is not { } k || !NoteKey.IsValid(k)))
            Fail("\"note_key\" must be null or a key of letters, digits and '-'");
        else if (keyNode is not null)
            key = Text(keyNode);
        if (key is not null && !keys.TryAdd(key, where))
            Fail($"note_key {key} is also used by {keys[key]}");

        NoteTypeDefinition? type = Text(note["note_type"]) is { } typeName ? types.Find(typeName) : null;
        if (type is null)
        {
            Fail($"\"note_type\" must name a note type of the collection: {string.Join(", ", types.Types.Select(t => t.Name))}");
            return null;
        }
        Dictionary<string, string> fields = type.LabelledFields.ToDictionary(f => f.Name, _ => "", StringComparer.Ordinal);
        if (note["fields"] is not JsonObject fieldObject)
        {
            Fail("\"fields\" must be an object of field name to Markdown text");
        }
        else
        {
            foreach ((string name, JsonNode? value) in fieldObject)
            {
                if (!fields.ContainsKey(name))
                    Fail($"'{name}' is not a field of {type.Name} written in Markdown; its fields are {string.Join(", ", fields.Keys)}");
                else if (Text(value) is not { } text)
                    Fail($"field '{name}' must be a string");
                else
                    fields[name] = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            }
        }
        List<string> tags = [];
        if (note["tags"] is JsonArray tagArray)
        {
            foreach (JsonNode? tag in tagArray)
            {
                if (Text(tag) is { } t)
                    tags.Add(t);
                else
                    Fail("\"tags\" must be a list of strings");
            }
        }
        else if (note["tags"] is not null)
        {
            Fail("\"tags\" must be a list of strings");
        }
        foreach (string problem in NoteValidator.Validate(type, fields))
            Fail(problem);
        return failed ? null : new MarkdownNote(key, type.Name, fields, NoteTags.Normalize(tags), 0);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
