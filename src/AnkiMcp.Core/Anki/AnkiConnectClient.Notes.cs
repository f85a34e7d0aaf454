using System.Text.Json;

namespace AnkiMcp.Core.Anki;

public sealed partial class AnkiConnectClient
{
    /// <summary>The ids of the notes matching an Anki search, e.g. <c>deck:Spanish tag:verbs</c>.</summary>
    public Task<IReadOnlyList<long>> FindNotesAsync(string query, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<long>>("findNotes", w => w.WriteString("query"u8, query), AnkiReply.Longs, cancellationToken);

    /// <summary>The ids of the cards matching an Anki search.</summary>
    public Task<IReadOnlyList<long>> FindCardsAsync(string query, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<long>>("findCards", w => w.WriteString("query"u8, query), AnkiReply.Longs, cancellationToken);

    /// <summary>The notes with the given ids, in the order given; ids Anki does not know are left out.</summary>
    public Task<IReadOnlyList<AnkiNoteInfo>> NotesInfoAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken) =>
        NotesInfoAsync(w => WriteLongs(w, "notes"u8, noteIds), cancellationToken);

    /// <summary>The notes matching an Anki search, in one round trip (AnkiConnect builds since 2024).</summary>
    public Task<IReadOnlyList<AnkiNoteInfo>> NotesInfoAsync(string query, CancellationToken cancellationToken) =>
        NotesInfoAsync(w => w.WriteString("query"u8, query), cancellationToken);

    /// <summary>
    /// The notes with the given ids, as <see cref="NotesInfoAsync(IReadOnlyCollection{long}, CancellationToken)"/> reads
    /// them; a field value equal to the one <paramref name="expectedFields"/> gives for its note is that same string.
    /// </summary>
    internal Task<IReadOnlyList<AnkiNoteInfo>> NotesInfoAsync(
        IReadOnlyCollection<long> noteIds, Func<long, IReadOnlyDictionary<string, string>?> expectedFields, CancellationToken cancellationToken) =>
        NotesInfoAsync(w => WriteLongs(w, "notes"u8, noteIds), cancellationToken, expectedFields);

    // Thousands of notes (a first import's read-back) are MB of reply: read straight from its bytes when Anki succeeded.
    private Task<IReadOnlyList<AnkiNoteInfo>> NotesInfoAsync(Action<Utf8JsonWriter> writeParameters, CancellationToken cancellationToken,
        Func<long, IReadOnlyDictionary<string, string>?>? expectedFields = null)
    {
        NotesInfoReply streamed = new(expectedFields);
        return CallReadingAsync<IReadOnlyList<AnkiNoteInfo>>("notesInfo", writeParameters, streamed.Read, () => streamed.Notes, AnkiReply.Notes, cancellationToken);
    }

    /// <summary>The cards with the given ids, in the order given; ids Anki does not know are left out.</summary>
    public Task<IReadOnlyList<AnkiCardInfo>> CardsInfoAsync(IReadOnlyCollection<long> cardIds, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<AnkiCardInfo>>("cardsInfo", w => WriteLongs(w, "cards"u8, cardIds), AnkiReply.Cards, cancellationToken);

    /// <summary>Adds one note; returns its id.</summary>
    public Task<long> AddNoteAsync(AnkiNewNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return CallAsync("addNote", w =>
        {
            w.WritePropertyName("note"u8);
            WriteNote(w, note);
        }, static r => r.GetInt64(), cancellationToken);
    }

    /// <summary>
    /// Adds notes in one round trip. Whatever the AnkiConnect build does with failures (skip them, or add nothing and
    /// list them), the result says which notes were added and what went wrong.
    /// </summary>
    public async Task<AnkiAddNotesResult> AddNotesAsync(IReadOnlyList<AnkiNewNote> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        try
        {
            return await CallAsync("addNotes", w => WriteNotes(w, notes), static r =>
            {
                var ids = new List<long?>(r.GetArrayLength());
                foreach (JsonElement id in r.EnumerateArray())
                    ids.Add(id.ValueKind == JsonValueKind.Null ? null : id.GetInt64());
                return new AnkiAddNotesResult(ids, []);
            }, cancellationToken);
        }
        catch (AnkiConnectException e) when (e.AnkiError is not null && PythonStringList.TryParse(e.AnkiError, out List<string> errors))
        {
            return new AnkiAddNotesResult(new long?[notes.Count], errors);
        }
    }

    /// <summary>For each note, whether <c>addNote</c> would accept it and the error it would give (AnkiConnect builds since 2024).</summary>
    public Task<IReadOnlyList<AnkiCanAddResult>> CanAddNotesWithErrorDetailAsync(IReadOnlyList<AnkiNewNote> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return CallAsync<IReadOnlyList<AnkiCanAddResult>>("canAddNotesWithErrorDetail", w => WriteNotes(w, notes), static r =>
        {
            var results = new List<AnkiCanAddResult>(r.GetArrayLength());
            foreach (JsonElement item in r.EnumerateArray())
            {
                bool canAdd = item.GetProperty("canAdd"u8).GetBoolean();
                string? error = item.TryGetProperty("error"u8, out JsonElement e) ? e.GetString() : null;
                results.Add(new AnkiCanAddResult(canAdd, error));
            }
            return results;
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the given fields of a note (names are case-sensitive; unknown names are ignored by Anki). Anki does not
    /// refresh a note open in its browser or editor, which may later save its stale copy back: re-read to verify.
    /// </summary>
    public Task UpdateNoteFieldsAsync(long noteId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        CallAsync("updateNoteFields", w =>
        {
            w.WriteStartObject("note"u8);
            w.WriteNumber("id"u8, noteId);
            WriteFields(w, fields);
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Writes fields and/or replaces all tags of a note (fields first; no rollback if tags then fail).</summary>
    public Task UpdateNoteAsync(long noteId, IReadOnlyDictionary<string, string>? fields, IReadOnlyCollection<string>? tags, CancellationToken cancellationToken) =>
        CallAsync("updateNote", w =>
        {
            w.WriteStartObject("note"u8);
            w.WriteNumber("id"u8, noteId);
            if (fields is not null)
                WriteFields(w, fields);
            if (tags is not null)
                WriteStrings(w, "tags"u8, tags);
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Deletes notes and their cards; unknown ids are ignored.</summary>
    public Task DeleteNotesAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken) =>
        CallAsync("deleteNotes", w => WriteLongs(w, "notes"u8, noteIds), cancellationToken);

    /// <summary>Adds tags to notes.</summary>
    public Task AddTagsAsync(IReadOnlyCollection<long> noteIds, IEnumerable<string> tags, CancellationToken cancellationToken) =>
        CallAsync("addTags", w =>
        {
            WriteLongs(w, "notes"u8, noteIds);
            w.WriteString("tags"u8, string.Join(' ', tags));
        }, cancellationToken);

    /// <summary>Removes tags from notes.</summary>
    public Task RemoveTagsAsync(IReadOnlyCollection<long> noteIds, IEnumerable<string> tags, CancellationToken cancellationToken) =>
        CallAsync("removeTags", w =>
        {
            WriteLongs(w, "notes"u8, noteIds);
            w.WriteString("tags"u8, string.Join(' ', tags));
        }, cancellationToken);

    /// <summary>Every tag in the collection.</summary>
    public Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("getTags", null, AnkiReply.Strings, cancellationToken);

    private static void WriteNotes(Utf8JsonWriter writer, IReadOnlyList<AnkiNewNote> notes)
    {
        writer.WriteStartArray("notes"u8);
        foreach (AnkiNewNote note in notes)
            WriteNote(writer, note);
        writer.WriteEndArray();
    }

    private static void WriteNote(Utf8JsonWriter writer, AnkiNewNote note)
    {
        writer.WriteStartObject();
        writer.WriteString("deckName"u8, note.DeckName);
        writer.WriteString("modelName"u8, note.ModelName);
        WriteFields(writer, note.Fields);
        WriteStrings(writer, "tags"u8, note.Tags);
        if (note.AllowDuplicate)
        {
            writer.WriteStartObject("options"u8);
            writer.WriteBoolean("allowDuplicate"u8, true);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    internal static void WriteFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> fields)
    {
        writer.WriteStartObject("fields"u8);
        foreach (KeyValuePair<string, string> field in fields)
            writer.WriteString(field.Key, field.Value);
        writer.WriteEndObject();
    }
}
