namespace AnkiMcp.Core.Sync;

/// <summary>A note type created or updated in Anki from <c>note_types/</c>.</summary>
/// <param name="Name">The note type (Anki model) name.</param>
/// <param name="Kind"><see cref="SyncChangeKind.Create"/> or <see cref="SyncChangeKind.Update"/>.</param>
/// <param name="Detail">What changed (fields added, templates, styling).</param>
public sealed record NoteTypeChange(string Name, SyncChangeKind Kind, string? Detail = null);
