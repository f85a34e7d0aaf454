using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>Reads AnkiConnect results into typed values straight from the reply document.</summary>
internal static class AnkiReply
{
    public static long[] Longs(JsonElement array)
    {
        var ids = new long[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement id in array.EnumerateArray())
            ids[i++] = id.GetInt64();
        return ids;
    }

    public static string[] Strings(JsonElement array)
    {
        var values = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement value in array.EnumerateArray())
            values[i++] = value.GetString() ?? "";
        return values;
    }

    public static Dictionary<string, long> NamesAndIds(JsonElement map)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (JsonProperty property in map.EnumerateObject())
            result[property.Name] = property.Value.GetInt64();
        return result;
    }

    /// <summary>The notes of a <c>notesInfo</c> result; the <c>{}</c> entries Anki gives for unknown ids are left out.</summary>
    public static List<AnkiNoteInfo> Notes(JsonElement array)
    {
        var notes = new List<AnkiNoteInfo>(array.GetArrayLength());
        foreach (JsonElement note in array.EnumerateArray())
        {
            if (!note.TryGetProperty("noteId"u8, out JsonElement noteId))
                continue;
            long? mod = note.TryGetProperty("mod"u8, out JsonElement modElement) && modElement.ValueKind == JsonValueKind.Number
                ? modElement.GetInt64()
                : null;
            long[] cards = note.TryGetProperty("cards"u8, out JsonElement cardsElement) ? Longs(cardsElement) : [];
            notes.Add(new AnkiNoteInfo(
                noteId.GetInt64(),
                note.GetProperty("modelName"u8).GetString() ?? "",
                Strings(note.GetProperty("tags"u8)),
                Fields(note.GetProperty("fields"u8)),
                mod,
                cards));
        }
        return notes;
    }

    /// <summary>The cards of a <c>cardsInfo</c> result; the <c>{}</c> entries Anki gives for unknown ids are left out.</summary>
    public static List<AnkiCardInfo> Cards(JsonElement array)
    {
        var cards = new List<AnkiCardInfo>(array.GetArrayLength());
        foreach (JsonElement card in array.EnumerateArray())
        {
            if (!card.TryGetProperty("cardId"u8, out JsonElement cardId))
                continue;
            cards.Add(new AnkiCardInfo(
                cardId.GetInt64(),
                card.GetProperty("note"u8).GetInt64(),
                card.GetProperty("deckName"u8).GetString() ?? "",
                card.GetProperty("modelName"u8).GetString() ?? "",
                card.GetProperty("ord"u8).GetInt32(),
                OptionalLong(card, "mod"u8),
                (int)OptionalLong(card, "queue"u8),
                OptionalLong(card, "due"u8),
                OptionalLong(card, "interval"u8),
                (int)OptionalLong(card, "reps"u8),
                (int)OptionalLong(card, "lapses"u8)));
        }
        return cards;
    }

    private static AnkiFieldValue[] Fields(JsonElement fields)
    {
        var values = new List<AnkiFieldValue>();
        foreach (JsonProperty field in fields.EnumerateObject())
        {
            values.Add(new AnkiFieldValue(
                field.Name,
                field.Value.GetProperty("value"u8).GetString() ?? "",
                field.Value.GetProperty("order"u8).GetInt32()));
        }
        values.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        return [.. values];
    }

    private static long OptionalLong(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
