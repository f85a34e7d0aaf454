namespace AnkiMcp.Core.Sync;

/// <summary>What a sync reads from Anki second: every managed note's modification time and every managed card's deck.</summary>
/// <param name="Mods">Modification time (seconds) by note id.</param>
/// <param name="DeckByCard">Deck name by card id.</param>
internal sealed record AnkiModTimes(IReadOnlyDictionary<long, long> Mods, IReadOnlyDictionary<long, string> DeckByCard)
{
    /// <summary>No managed notes.</summary>
    public static AnkiModTimes None { get; } = new(new Dictionary<long, long>(), new Dictionary<long, string>());
}
