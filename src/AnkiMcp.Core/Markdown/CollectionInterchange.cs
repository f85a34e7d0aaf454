using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown;

/// <summary>The collection as JSON for batch review by an assistant, in AnkiOps' interchange format, so either tool reads
/// the other's: <c>{"collection": {"serialized_at"}, "decks": [{"source", "name", "notes": [{"note_key", "note_type",
/// "fields": {field name: Markdown}, "tags"}]}]}</c>. <c>source</c> is <c>local</c> or a collab source's
/// <c>owner/repo</c>; <c>fields</c> holds only the fields the note writes (a field left out is empty); a keyless note
/// has <c>"note_key": null</c>. Deserializing validates the whole document before it writes any deck file, and never
/// replaces an existing file unless asked to.</summary>
public static class CollectionInterchange
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The decks of <paramref name="collection"/> as JSON: all of them, or <paramref name="deckName"/> (with its
    /// subdecks unless <paramref name="includeSubdecks"/> is false). Empty decks are left out.</summary>
    /// <exception cref="CollectionFormatException">The collection has errors (as AnkiOps, the whole collection must read
    /// cleanly, not only the decks asked for), or the deck does not exist.</exception>
    public static string Serialize(MarkdownCollection collection, string? deckName = null, bool includeSubdecks = true, DateTimeOffset? serializedAt = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        List<DeckFile> decks = [.. collection.Decks.Where(d => deckName is null || (includeSubdecks ? DeckFileNames.IsSameOrSubdeck(d.DeckName, deckName) : d.DeckName == deckName))];
        if (deckName is not null && decks.Count == 0)
            throw new CollectionFormatException([new CollectionError(deckName, 0, $"no deck file for deck '{deckName}'; the decks are: {string.Join(", ", collection.Decks.Select(d => d.DeckName))}")]);
        if (collection.Errors.Count > 0)
            throw new CollectionFormatException(collection.Errors);

        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("collection");
            writer.WriteString("serialized_at", (serializedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteStartArray("decks");
            foreach (DeckFile deck in decks.Where(d => d.Notes.Count > 0))
                WriteDeck(writer, deck, collection.SourceOf(deck));
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
        IReadOnlyList<DeckSource> sources = DeckSource.Discover(collectionDir);
        Dictionary<string, DeckSource> sourceByName = sources.ToDictionary(source => source.Name, StringComparer.Ordinal);
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
        List<(string Path, DeckSource Source, List<MarkdownNote> Notes)> decks = [];
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
                Error(where, "each deck needs a \"source\" string, a \"name\" string and a \"notes\" array");
                continue;
            }
            string known = string.Join(" or ", sourceByName.Keys.Select(sourceName => $"\"{sourceName}\""));
            if (Text(deck["source"]) is not { } deckSource)
            {
                Error(where, $"\"source\" is missing: the deck's source, {known}");
                continue;
            }
            if (!sourceByName.TryGetValue(deckSource, out DeckSource? source))
            {
                Error(where, $"unknown source '{deckSource}'; this collection's sources are {known}");
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
                if (ReadNote(notes[n], $"{where}.notes[{n}]", source.NoteTypes, keys, Error) is { } note)
                    parsed.Add(note);
            }
            if (sources.FirstOrDefault(other => other != source && File.Exists(Path.Combine(other.Directory, fileName))) is { } owner)
                Error(where, $"deck '{name}' belongs to source '{owner.Name}' ({owner.RelativePathOf(fileName)}), not '{source.Name}'");
            decks.Add((Path.Combine(source.Directory, fileName), source, parsed));
        }

        foreach ((string path, DeckSource source, _) in decks)
        {
            if (!File.Exists(path))
                continue;
            if (!overwrite)
            {
                errors.Add(new CollectionError(source.RelativePathOf(Path.GetFileName(path)), 0, "exists already; run again with --overwrite to replace it"));
                continue;
            }
            DeckFile existing = DeckFileParser.Load(path, source.NoteTypes);
            errors.AddRange(existing.Errors.Select(error => error with { File = source.RelativePathOf(error.File) }));
        }
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);

        List<string> written = [];
        foreach ((string path, DeckSource source, List<MarkdownNote> notes) in decks)
        {
            if (DeckFileWriter.WriteDeck(path, notes, source.NoteTypes))
                written.Add(path);
        }
        return written;
    }

    private static void WriteDeck(Utf8JsonWriter writer, DeckFile deck, DeckSource source)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source.Name);
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
            // Only the fields the note writes, as AnkiOps' parser gives them: an empty field is not written in Markdown.
            foreach (NoteFieldDefinition field in source.NoteTypes.Find(note.NoteTypeName)!.LabelledFields)
            {
                if (note.Fields.GetValueOrDefault(field.Name) is { Length: > 0 } value)
                    writer.WriteString(field.Name, value);
            }
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
