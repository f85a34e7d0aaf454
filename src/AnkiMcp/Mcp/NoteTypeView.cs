using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>A note type as list_note_types reports it.</summary>
internal sealed record NoteTypeView(
    string Name,
    [property: Description("The card kind proposals of which become this note type, if any")] string? CardKind,
    [property: Description("Markdown label, field name, and whether it must be filled")] IReadOnlyList<string> Fields,
    [property: Description("Whether Anki has this note type (null when Anki is not reachable)")] bool? InAnki);
