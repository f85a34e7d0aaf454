namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>One card template of a note type: its Anki name and the front and back HTML.</summary>
public sealed record NoteTemplateDefinition(string Name, string Front, string Back);
