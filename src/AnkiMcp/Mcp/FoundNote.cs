using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>A note found in Anki.</summary>
internal sealed record FoundNote(
    long NoteId,
    [property: Description("The note type")] string NoteType,
    [property: Description("Field name → Anki's HTML, shortened when long")] IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags);
