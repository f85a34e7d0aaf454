using System.Text.Json;

namespace AnkiMcp.Core.Anki;

public sealed partial class AnkiConnectClient
{
    /// <summary>All deck names, e.g. <c>Default</c> and <c>A::B</c>.</summary>
    public Task<IReadOnlyList<string>> DeckNamesAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("deckNames", null, AnkiReply.Strings, cancellationToken);

    /// <summary>All decks by name, with their ids.</summary>
    public Task<IReadOnlyDictionary<string, long>> DeckNamesAndIdsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyDictionary<string, long>>("deckNamesAndIds", null, AnkiReply.NamesAndIds, cancellationToken);

    /// <summary>Creates <paramref name="deck"/> (and its parents) unless it exists; returns its id either way.</summary>
    public Task<long> CreateDeckAsync(string deck, CancellationToken cancellationToken) =>
        CallAsync("createDeck", w => w.WriteString("deck"u8, deck), static r => r.GetInt64(), cancellationToken);

    /// <summary>Deletes decks with their cards; unknown names are skipped.</summary>
    public Task DeleteDecksAsync(IReadOnlyCollection<string> decks, CancellationToken cancellationToken) =>
        CallAsync("deleteDecks", w =>
        {
            WriteStrings(w, "decks"u8, decks);
            w.WriteBoolean("cardsToo"u8, true);
        }, cancellationToken);

    /// <summary>Moves cards to <paramref name="deck"/>, which Anki creates if needed.</summary>
    public Task ChangeDeckAsync(IReadOnlyCollection<long> cards, string deck, CancellationToken cancellationToken) =>
        CallAsync("changeDeck", w =>
        {
            WriteLongs(w, "cards"u8, cards);
            w.WriteString("deck"u8, deck);
        }, cancellationToken);

    /// <summary>Which deck each card is in, grouped by deck name.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> GetDecksAsync(IReadOnlyCollection<long> cards, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyDictionary<string, IReadOnlyList<long>>>("getDecks", w => WriteLongs(w, "cards"u8, cards), static r =>
        {
            var decks = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
            foreach (JsonProperty deck in r.EnumerateObject())
                decks[deck.Name] = AnkiReply.Longs(deck.Value);
            return decks;
        }, cancellationToken);

    internal static void WriteLongs(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IEnumerable<long> values)
    {
        writer.WriteStartArray(name);
        foreach (long value in values)
            writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }

    internal static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
