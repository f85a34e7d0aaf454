namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A note of the emulated collection.</summary>
public sealed class EmulatorNote
{
    internal EmulatorNote(long id, EmulatorModel model, List<string> values, List<string> tags, long mod)
    {
        Id = id;
        Model = model;
        ValueList = values;
        TagList = tags;
        Mod = mod;
    }

    public long Id { get; }

    public EmulatorModel Model { get; }

    /// <summary>The raw field values, aligned with <see cref="EmulatorModel.Fields"/>.</summary>
    public IReadOnlyList<string> Values => ValueList;

    /// <summary>The canonical tags (sorted, de-duplicated).</summary>
    public IReadOnlyList<string> Tags => TagList;

    /// <summary>Last modification, Unix seconds.</summary>
    public long Mod { get; internal set; }

    /// <summary>The note's cards by template ord.</summary>
    public IReadOnlyList<EmulatorCard> Cards => CardList;

    internal List<string> ValueList { get; }

    internal List<string> TagList { get; set; }

    internal List<EmulatorCard> CardList { get; } = [];

    /// <summary>The value of <paramref name="field"/> (case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">The note type has no such field.</exception>
    public string this[string field]
    {
        get
        {
            int index = Model.FieldIndex(field);
            return index >= 0 ? ValueList[index] : throw new KeyNotFoundException($"{Model.Name} has no field '{field}'.");
        }
    }
}
