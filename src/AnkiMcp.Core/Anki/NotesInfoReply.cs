using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// Reads a <c>notesInfo</c> result straight from the reply's bytes, as <see cref="AnkiReply.Notes"/> reads it from a
/// document: the <c>{}</c> entries Anki gives for unknown ids are left out, properties may come in any order, unknown
/// ones are skipped. A shape the document reader would refuse or read differently (a missing or mistyped property, a
/// repeated one) is declined, so that the document reader reports it.
/// </summary>
/// <param name="expectedFields">For a note id, the field values the caller expects it to hold (those it just wrote),
/// or null: a value read equal to its expected one is that same string, not a copy.</param>
internal sealed class NotesInfoReply(Func<long, IReadOnlyDictionary<string, string>?>? expectedFields = null)
{
    private readonly RepeatedStrings _names = new();
    private readonly List<AnkiFieldValue> _fields = [];
    private readonly List<string> _tags = [];
    private readonly List<long> _cards = [];

    public List<AnkiNoteInfo> Notes { get; } = [];

    public bool Read(int action, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!TryReadNote(ref reader))
                return false;
        }
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool TryReadNote(ref Utf8JsonReader reader)
    {
        long? noteId = null;
        long? mod = null;
        string? modelName = null;
        string[]? tags = null;
        AnkiFieldValue[]? fields = null;
        long[]? cards = null;
        IReadOnlyDictionary<string, string>? expected = null;
        bool modRead = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool read;
            if (reader.ValueTextEquals("noteId"u8))
            {
                read = noteId is null && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long id) && (noteId = id) is not null;
                expected = read ? expectedFields?.Invoke(noteId!.Value) : null;
            }
            else if (reader.ValueTextEquals("modelName"u8))
                read = modelName is null && reader.Read() && TryReadText(ref reader, out modelName);
            else if (reader.ValueTextEquals("tags"u8))
                read = tags is null && reader.Read() && TryReadTags(ref reader, out tags);
            else if (reader.ValueTextEquals("fields"u8))
                read = fields is null && reader.Read() && TryReadFields(ref reader, expected, out fields);
            else if (reader.ValueTextEquals("mod"u8))
                read = !modRead && (modRead = true) && reader.Read() && TryReadMod(ref reader, out mod);
            else if (reader.ValueTextEquals("cards"u8))
                read = cards is null && reader.Read() && TryReadCards(ref reader, out cards);
            else
                read = reader.TrySkip();
            if (!read)
                return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            return false;
        if (noteId is null)
            return true;
        if (modelName is null || tags is null || fields is null)
            return false;
        Notes.Add(new AnkiNoteInfo(noteId.Value, modelName, tags, fields, mod, cards ?? []));
        return true;
    }

    // As the document reader's GetString() ?? "": a string or null.
    private bool TryReadText(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType switch
        {
            JsonTokenType.String => _names.Read(ref reader),
            JsonTokenType.Null => "",
            _ => null,
        };
        return text is not null;
    }

    private bool TryReadTags(ref Utf8JsonReader reader, out string[]? tags)
    {
        tags = null;
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        _tags.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadText(ref reader, out string? tag))
                return false;
            _tags.Add(tag!);
        }
        tags = [.. _tags];
        return true;
    }

    private bool TryReadFields(ref Utf8JsonReader reader, IReadOnlyDictionary<string, string>? expected, out AnkiFieldValue[]? fields)
    {
        fields = null;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        _fields.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = _names.Read(ref reader);
            if (!reader.Read() || !TryReadField(ref reader, name, expected))
                return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            return false;
        _fields.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        fields = [.. _fields];
        return true;
    }

    // {"value": "…", "order": 0}, in any order, as the document reader takes it.
    private bool TryReadField(ref Utf8JsonReader reader, string name, IReadOnlyDictionary<string, string>? expected)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        string? value = null;
        int? order = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool read;
            if (reader.ValueTextEquals("value"u8))
            {
                read = value is null && reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
                value = !read ? null
                    : expected is not null && expected.TryGetValue(name, out string? sent) && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(sent) ? sent
                    : reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("order"u8))
            {
                read = order is null && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int position) && (order = position) is not null;
            }
            else
            {
                read = reader.TrySkip();
            }
            if (!read)
                return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject || value is null || order is null)
            return false;
        _fields.Add(new AnkiFieldValue(name, value, order.Value));
        return true;
    }

    // A number that is not a whole one would make the document reader throw; anything else is no mod, as there.
    private static bool TryReadMod(ref Utf8JsonReader reader, out long? mod)
    {
        mod = null;
        if (reader.TokenType != JsonTokenType.Number)
            return reader.TrySkip();
        if (!reader.TryGetInt64(out long value))
            return false;
        mod = value;
        return true;
    }

    private bool TryReadCards(ref Utf8JsonReader reader, out long[]? cards)
    {
        cards = null;
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        _cards.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out long card))
                return false;
            _cards.Add(card);
        }
        if (reader.TokenType != JsonTokenType.EndArray)
            return false;
        cards = [.. _cards];
        return true;
    }
}
