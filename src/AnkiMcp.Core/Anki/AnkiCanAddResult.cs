namespace AnkiMcp.Core.Anki;

/// <summary>Whether one note could be added, and why not (<c>canAddNotesWithErrorDetail</c>).</summary>
/// <param name="CanAdd">True when <c>addNote</c> would accept the note.</param>
/// <param name="Error">The error <c>addNote</c> would give, e.g. <c>cannot create note because it is a duplicate</c>.</param>
public sealed record AnkiCanAddResult(bool CanAdd, string? Error);
