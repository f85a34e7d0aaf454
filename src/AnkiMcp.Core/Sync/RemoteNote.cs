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
internal sealed record RemoteNote(
    long NoteId,
    string? EmbeddedKey,
    string NoteTypeName,
    string DeckName,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    IReadOnlyList<long> Cards)
{
    /// <summary>The content fingerprint of the Anki side.</summary>
    public string Fingerprint { get; } = NoteFingerprint.Compute(NoteTypeName, Fields, Tags);
}
