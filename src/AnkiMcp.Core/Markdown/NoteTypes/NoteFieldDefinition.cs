namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>One field of a note type. <paramref name="Label"/> (e.g. <c>Q:</c>) is how the field is written in Markdown;
/// a field without a label lives only in Anki. Identifying labels pick the note type of a note and must be filled in.</summary>
public sealed record NoteFieldDefinition(string Name, string? Label, bool Identifying);
