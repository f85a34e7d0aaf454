using AnkiMcp.Core.Anki;

namespace AnkiMcp.Core.Sync;

/// <summary>The note-type changes a sync makes in Anki.</summary>
/// <param name="Hash">The hash of the definitions, stored once Anki has them.</param>
/// <param name="Changes">What changes, for the report.</param>
/// <param name="Writes">The Anki actions that make the changes.</param>
internal sealed record NoteTypePlan(string Hash, IReadOnlyList<NoteTypeChange> Changes, IReadOnlyList<AnkiAction> Writes);
