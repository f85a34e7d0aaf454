using System.Collections.Concurrent;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>
/// Parsed deck files, parsed again only when the file's bytes or the note types changed. The file is read and hashed on
/// every use — far cheaper than parsing it — so an edit is never missed, whatever its size and write time say (an edit
/// within the file system's clock tick, a copy that keeps the old time). A deck this process just wrote is remembered
/// as written, so the next use does not parse it again.
/// </summary>
public sealed class DeckFileCache
{
    private readonly ConcurrentDictionary<string, (NoteTypeRegistry Types, DeckFile Deck)> _decks = new(StringComparer.Ordinal);

    /// <summary>The deck file at <paramref name="path"/> as it is now.</summary>
    /// <exception cref="IOException">The file cannot be read (a missing file throws <see cref="FileNotFoundException"/>).</exception>
    public DeckFile Get(string path, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
        {
            _decks.TryRemove(path, out _);
            throw;
        }

        string hash = DeckFileParser.HashOf(bytes);
        if (_decks.TryGetValue(path, out var cached) && cached.Types == types && cached.Deck.ContentHash == hash)
            return cached.Deck;
        DeckFile deck = DeckFileParser.Parse(path, bytes, types, hash);
        _decks[path] = (types, deck);
        return deck;
    }

    /// <summary>Remembers a deck as just written and parsed; its <see cref="DeckFile.ContentHash"/> is that of the bytes written.</summary>
    public void Put(DeckFile deck, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(deck);
        _decks[deck.Path] = (types, deck);
    }
}
