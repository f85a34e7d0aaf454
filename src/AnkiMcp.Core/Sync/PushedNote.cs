namespace AnkiMcp.Core.Sync;

/// <summary>One note of a push.</summary>
/// <param name="NoteKey">The note key.</param>
/// <param name="NoteId">Its Anki note id once it is in Anki.</param>
/// <param name="Error">Why it is not in Anki, when it is not.</param>
public sealed record PushedNote(string NoteKey, long? NoteId, string? Error);
