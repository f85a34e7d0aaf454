namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>A note type with where it was read from, so validation errors can name the file and line.</summary>
internal sealed record NoteTypeSource(NoteTypeDefinition Definition, string File, IReadOnlyDictionary<string, int> FieldLines);
