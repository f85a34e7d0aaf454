namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A deck of the emulated collection.</summary>
public sealed class EmulatorDeck
{
    internal EmulatorDeck(long id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The deck id (1 for Default).</summary>
    public long Id { get; }

    /// <summary>The full name, e.g. <c>A::B</c>.</summary>
    public string Name { get; internal set; }

    public override string ToString() => Name;
}
