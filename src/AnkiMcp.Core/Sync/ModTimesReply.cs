using System.Text.Json;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Reads the reply to a sync's second request straight from its bytes (<see cref="Anki.AnkiMultiReply"/>): the
/// <c>notesModTime</c> entries, the <c>getDecks</c> map and then, per other note type, how many notes it has.
/// </summary>
internal sealed class ModTimesReply(int noteCount, int unmanagedTypes)
{
    private readonly Dictionary<long, long> _mods = new(noteCount);
    private readonly Dictionary<long, string> _deckByCard = new(noteCount);

    public AnkiModTimes ModTimes => new(_mods, _deckByCard);

    /// <summary>The number of notes of each other note type, in the order they were asked for.</summary>
    public int[] UnmanagedCounts { get; } = new int[unmanagedTypes];

    public bool Read(int action, ref Utf8JsonReader reader) => action switch
    {
        0 => ReadModTimes(ref reader),
        1 => ReadDecks(ref reader),
        _ => CountNotes(ref reader, action - 2),
    };

    // [{"noteId": 1, "mod": 2}, …]; an entry without both is declined, for the document reading to skip it.
    private bool ReadModTimes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            long? id = null;
            long? mod = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool read = reader.ValueTextEquals("noteId"u8) ? (id = ReadLong(ref reader)) is not null
                    : reader.ValueTextEquals("mod"u8) ? (mod = ReadLong(ref reader)) is not null
                    : reader.Read() && reader.TrySkip();
                if (!read)
                    return false;
            }
            if (id is null || mod is null)
                return false;
            _mods[id.Value] = mod.Value;
        }
        return reader.TokenType == JsonTokenType.EndArray;
    }

    // {"deck": [card, …], …}
    private bool ReadDecks(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string deck = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetInt64(out long card))
                    return false;
                _deckByCard[card] = deck;
            }
            if (reader.TokenType != JsonTokenType.EndArray)
                return false;
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool CountNotes(ref Utf8JsonReader reader, int type)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!reader.TrySkip())
                return false;
            count++;
        }
        UnmanagedCounts[type] = count;
        return true;
    }

    private static long? ReadLong(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : null;
}
