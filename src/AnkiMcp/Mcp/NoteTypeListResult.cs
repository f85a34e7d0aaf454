using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What list_note_types reports.</summary>
internal sealed record NoteTypeListResult(
    [property: Description("Whether Anki answered")] bool AnkiReachable,
    IReadOnlyList<NoteTypeView> NoteTypes);
