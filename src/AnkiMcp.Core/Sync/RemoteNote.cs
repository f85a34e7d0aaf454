using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>A managed note as Anki has it now.</summary>
/// <param name="NoteId">The Anki note id.</param>
/// <param name="EmbeddedKey">The hidden <c>AnkiOps Key</c> field, or null when it is empty.</param>
/// <param name="NoteTypeName">The note type (model name).</param>
/// <param name="DeckName">The deck of its first card.</param>
/// <param name="Fields">Field values in HTML, by field name, without the key field.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Cards">Its card ids, first card first.</param>
/// <param name="Mod">Anki's modification time of the note (seconds).</param>
/// <param name="Fingerprint">The content fingerprint of the Anki side.</param>
internal sealed record RemoteNote(
    long NoteId,
    string? EmbeddedKey,
    string NoteTypeName,
    string DeckName,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    IReadOnlyList<long> Cards,
    long Mod,
    string Fingerprint)
{
    /// <summary>True when the note was not read because it did not change since the last sync: only its identity,
    /// deck, cards and fingerprint are known, not its fields.</summary>
    public bool IsUnchangedSummary { get; init; }

    /// <summary>A note as read from Anki.</summary>
    public static RemoteNote Read(long noteId, string? embeddedKey, string noteTypeName, string deckName,
        IReadOnlyDictionary<string, string> fields, IReadOnlyList<string> tags, IReadOnlyList<long> cards, long mod) =>
        new(noteId, embeddedKey, noteTypeName, deckName, fields, tags, cards, mod, NoteFingerprint.Compute(noteTypeName, fields, tags));

    /// <summary>A note unchanged since the last sync, known from the state without reading it.</summary>
    public static RemoteNote Unchanged(NoteSyncState state, string deckName, long mod) =>
        new(state.NoteId, state.NoteKey, state.NoteTypeName, deckName, new Dictionary<string, string>(), [], state.Cards ?? [], mod, state.AnkiFingerprint)
        {
            IsUnchangedSummary = true,
        };
}
