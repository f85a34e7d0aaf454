namespace AnkiMcp.Core.Sync;

/// <summary>What one managed note looked like on both sides at the end of the last sync that touched it.</summary>
/// <param name="NoteKey">The note's stable key (Markdown comment and hidden <c>AnkiOps Key</c> field).</param>
/// <param name="NoteId">The Anki note id the key is linked to.</param>
/// <param name="NoteTypeName">The note type (Anki model name).</param>
/// <param name="DeckName">The deck the note was in on both sides.</param>
/// <param name="MarkdownFingerprint">Fingerprint of the Markdown note (type, fields, tags) at the last sync.</param>
/// <param name="AnkiFingerprint">Fingerprint of the Anki note (type, HTML fields, tags) at the last sync.</param>
public sealed record NoteSyncState(
    string NoteKey,
    long NoteId,
    string NoteTypeName,
    string DeckName,
    string MarkdownFingerprint,
    string AnkiFingerprint);
