namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A card of the emulated collection (always new: the emulator does not schedule).</summary>
public sealed class EmulatorCard
{
    internal EmulatorCard(long id, EmulatorNote note, int ord, EmulatorDeck deck, long mod, long due)
    {
        Id = id;
        Note = note;
        Ord = ord;
        Deck = deck;
        Mod = mod;
        Due = due;
    }

    public long Id { get; }

    public EmulatorNote Note { get; }

    /// <summary>Template ord, or cloze number − 1.</summary>
    public int Ord { get; }

    public EmulatorDeck Deck { get; internal set; }

    /// <summary>Last modification, Unix seconds.</summary>
    public long Mod { get; internal set; }

    /// <summary>Anki's queue: 0 new, −1 suspended.</summary>
    public int Queue { get; internal set; }

    /// <summary>The position in the new queue.</summary>
    public long Due { get; }
}
