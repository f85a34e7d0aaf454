using System.Collections.Concurrent;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Parsed deck files, parsed again only when the file changed on disk (size or write time) or the note types did. A
/// deck this process just wrote is remembered as written, so the next duplicate check does not parse it again.
/// </summary>
public sealed class DeckFileCache
{
    private readonly ConcurrentDictionary<string, (long Length, long Ticks, NoteTypeRegistry Types, DeckFile Deck)> _decks = new(StringComparer.Ordinal);

    /// <summary>The deck file at <paramref name="path"/> as it is now.</summary>
    public DeckFile Get(string path, NoteTypeRegistry types)
    {
        FileInfo file = new(path);
        if (_decks.TryGetValue(path, out var cached) && cached.Length == file.Length && cached.Ticks == file.LastWriteTimeUtc.Ticks && cached.Types == types)
            return cached.Deck;
        DeckFile deck = DeckFileParser.Load(path, types);
        _decks[path] = (file.Length, file.LastWriteTimeUtc.Ticks, types, deck);
        return deck;
    }

    /// <summary>Remembers a deck as just written and parsed.</summary>
    public void Put(DeckFile deck, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(deck);
        FileInfo file = new(deck.Path);
        _decks[deck.Path] = (file.Length, file.LastWriteTimeUtc.Ticks, types, deck);
    }
}
