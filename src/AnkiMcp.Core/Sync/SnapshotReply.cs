using System.Text.Json;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Reads the reply to a sync's first request straight from its bytes (<see cref="Anki.AnkiMultiReply"/>): the
/// version, the profile, the note types, the notes selected in the Browser and then, when searched for, the managed
/// notes' ids and their cards' ids.
/// </summary>
internal sealed class SnapshotReply
{
    private string _profile = "";
    private readonly HashSet<string> _modelNames = new(StringComparer.Ordinal);
    private readonly List<long> _selected = [];
    private readonly List<long> _noteIds = [];
    private readonly List<long> _cardIds = [];

    public AnkiSnapshot Snapshot => new(_profile, _modelNames, _noteIds, _cardIds, _selected.ToHashSet());

    public bool Read(int action, ref Utf8JsonReader reader) => action switch
    {
        0 => reader.TrySkip(),
        1 => ReadProfile(ref reader),
        2 => ReadNames(ref reader),
        3 => ReadIds(ref reader, _selected),
        4 => ReadIds(ref reader, _noteIds),
        _ => ReadIds(ref reader, _cardIds),
    };

    private bool ReadProfile(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            return false;
        _profile = reader.GetString() ?? "";
        return true;
    }

    private bool ReadNames(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            _modelNames.Add(reader.GetString()!);
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool ReadIds(ref Utf8JsonReader reader, List<long> ids)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out long id))
                return false;
            ids.Add(id);
        }
        return reader.TokenType == JsonTokenType.EndArray;
    }
}
