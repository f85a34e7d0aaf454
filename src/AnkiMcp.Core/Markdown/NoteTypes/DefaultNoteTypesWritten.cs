namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>What <see cref="DefaultNoteTypes.WriteTo"/> did.</summary>
/// <param name="Written">The default note types added to <c>note_types/</c>.</param>
/// <param name="Skipped">The default note types left out because the folder's own types hold their labels (an AnkiOps
/// folder, say); types the folder has already under their name are neither.</param>
public sealed record DefaultNoteTypesWritten(IReadOnlyList<string> Written, IReadOnlyList<SkippedNoteType> Skipped);
