namespace AnkiMcp.Core.Sync;

/// <summary>What one managed note looked like on both sides at the end of the last sync that touched it.</summary>
/// <param name="NoteKey">The note's stable key (Markdown comment and hidden <c>AnkiOps Key</c> field).</param>
/// <param name="NoteId">The Anki note id the key is linked to.</param>
/// <param name="NoteTypeName">The note type (Anki model name).</param>
/// <param name="DeckName">The deck the note was in on both sides.</param>
/// <param name="MarkdownFingerprint">Fingerprint of the Markdown note (type, fields, tags) at the last sync.</param>
/// <param name="AnkiFingerprint">Fingerprint of the Anki note (type, HTML fields, tags) at the last sync.</param>
/// <param name="AnkiMod">Anki's modification time of the note (seconds) when it was last read; 0 when unknown.</param>
/// <param name="Cards">The note's card ids, first card first (empty when unknown).</param>
public sealed record NoteSyncState(
    string NoteKey,
    long NoteId,
    string NoteTypeName,
    string DeckName,
    string MarkdownFingerprint,
    string AnkiFingerprint,
    long AnkiMod = 0,
    IReadOnlyList<long>? Cards = null)
{
    /// <summary>The Markdown fingerprint of a note whose conflict is open: it matches no note, so the Markdown side counts as
    /// changed until the person settles the conflict.</summary>
    public const string UnsettledMarkdown = "conflict";

    /// <summary>Equal when every column is equal (card lists compared by value).</summary>
    public bool Equals(NoteSyncState? other) =>
        other is not null && (NoteKey, NoteId, NoteTypeName, DeckName, MarkdownFingerprint, AnkiFingerprint, AnkiMod)
            == (other.NoteKey, other.NoteId, other.NoteTypeName, other.DeckName, other.MarkdownFingerprint, other.AnkiFingerprint, other.AnkiMod)
        && (Cards ?? []).SequenceEqual(other.Cards ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NoteKey, NoteId, AnkiFingerprint, AnkiMod);
}
