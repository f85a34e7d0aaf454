namespace AnkiMcp.Core.Proposals;

/// <summary>A card that already exists somewhere, reduced to what duplicate detection compares.</summary>
/// <param name="NoteTypeName">The Anki note type.</param>
/// <param name="FirstField">The text of the note type's first field (Markdown or Anki HTML).</param>
/// <param name="Where">Where it is, as a person would look for it (e.g. "Rust.md line 12", "pending card 2 of batch 4").</param>
public sealed record ExistingCard(string NoteTypeName, string FirstField, string Where);
