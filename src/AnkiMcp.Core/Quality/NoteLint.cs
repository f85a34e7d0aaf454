namespace AnkiMcp.Core.Quality;

/// <summary>What the linter noticed about one note of the Markdown collection.</summary>
/// <param name="File">The deck file's name.</param>
/// <param name="Line">The line where the note starts.</param>
/// <param name="Deck">The Anki deck.</param>
/// <param name="NoteKey">The note's key, or null for a note not synced yet.</param>
/// <param name="NoteType">The Anki note type.</param>
/// <param name="Flags">What was noticed, in rule order.</param>
public sealed record NoteLint(string File, int Line, string Deck, string? NoteKey, string NoteType, IReadOnlyList<CardFlag> Flags);
