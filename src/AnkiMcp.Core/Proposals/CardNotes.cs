using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// A card as the note its deck file will hold. Creation writes exactly this note, so <see cref="Problems"/> run when a
/// card is proposed tells then what would stop it from being created.
/// </summary>
public static class CardNotes
{
    /// <summary>The Markdown note for a draft, with the collection's note type for its kind (<see cref="CardKindSchema.NoteTypeIn"/>).</summary>
    /// <exception cref="CollectionFormatException">The collection lacks the kind's note type.</exception>
    public static MarkdownNote ToNote(CardDraft draft, string? noteKey, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(types);
        CardKindSchema schema = CardKindSchema.For(draft.Kind);
        NoteTypeDefinition type = schema.NoteTypeIn(types) ?? throw new CollectionFormatException(schema.MissingNoteType);
        Dictionary<string, string> fields = type.Fields
            .Where(field => field.Label is not null)
            .ToDictionary(field => field.Name, field => draft.Fields.GetValueOrDefault(field.Name) ?? string.Empty);
        return new MarkdownNote(noteKey, type.Name, fields, draft.Tags, 0);
    }

    /// <summary>
    /// What would keep the draft out of its deck file: its deck has no valid file name, the collection lacks its note
    /// type, or its text written as a note would not read back as that one note with the same fields.
    /// </summary>
    public static IReadOnlyList<string> Problems(CardDraft draft, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(draft);
        string fileName;
        MarkdownNote note;
        try
        {
            fileName = DeckFileNames.ToFileName(draft.Deck);
            note = ToNote(draft, NoteKey.New(), types);
        }
        catch (Exception invalid) when (invalid is ArgumentException or CollectionFormatException)
        {
            return [invalid.Message];
        }

        DeckFile written = DeckFileParser.Parse(fileName, DeckFileWriter.Render([note], types), types);
        if (!written.IsClean)
            return [.. written.Errors.Select(error => $"written to its deck file, the card would not read back: {error.Message}")];
        if (written.Notes.Count != 1)
            return [$"written to its deck file, the card would read back as {written.Notes.Count} notes; a field holds text that separates notes"];
        string[] changed = [.. note.Fields.Where(field => Normalize(written.Notes[0].Fields.GetValueOrDefault(field.Key)) != Normalize(field.Value)).Select(field => field.Key)];
        return changed.Length == 0
            ? []
            : [$"written to its deck file, {string.Join(", ", changed)} would not read back as written; it holds text the deck file format uses for itself"];
    }

    private static string Normalize(string? text) => (text ?? string.Empty).Trim();
}
