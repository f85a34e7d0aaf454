namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>A default note type <c>init</c> did not add because it would clash with one the folder has.</summary>
/// <param name="Name">The default note type.</param>
/// <param name="Reason">Which note type of the folder it clashes with, and how.</param>
public sealed record SkippedNoteType(string Name, string Reason);
