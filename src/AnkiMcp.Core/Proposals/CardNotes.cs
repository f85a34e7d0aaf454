using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// A card as the note its deck file will hold. Creation writes exactly this note and the sync renders exactly these
/// fields, so <see cref="Problems"/>, run when a card is proposed, tells then what would stop it from being created or
/// from reaching Anki.
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
    /// What would keep the draft from its deck file or from Anki: its deck has no valid file name, the collection lacks
    /// its note type, a field cannot be rendered to Anki's HTML, or its text, written as a note, would not read back as
    /// that one note looking the same. Each problem names the field.
    /// </summary>
    public static IReadOnlyList<string> Problems(CardDraft draft, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(types);
        if (DeckFileNames.Problem(draft.Deck) is { } deckProblem)
            return [deckProblem];
        MarkdownNote note;
        try
        {
            note = ToNote(draft, NoteKey.New(), types);
        }
        catch (CollectionFormatException missing)
        {
            return [missing.Message];
        }

        string[] unrenderable = [.. draft.Fields.Select(field => RenderProblem(field.Key, field.Value)).OfType<string>()];
        if (unrenderable.Length > 0)
            return unrenderable;
        if (ReadBackProblem(note, types) is not { } problem)
            return [];

        // Name the field to blame: each one alone, the others plain.
        string[] blamed = [.. note.Fields
            .Where(field => field.Value.Length > 0)
            .Select(field => ReadBackProblem(note with { Fields = note.Fields.ToDictionary(other => other.Key, other => other.Key == field.Key ? other.Value : "x") }, types) is { } alone
                ? $"{field.Key}: {alone}"
                : null)
            .OfType<string>()];
        return blamed.Length > 0 ? blamed : [problem];
    }

    private static string? RenderProblem(string field, string text)
    {
        try
        {
            AnkiHtmlRenderer.ToHtml(text);
            return null;
        }
        catch (Exception refused) when (refused is MarkdownTooDeepException or ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return $"{field} cannot be rendered for Anki: {refused.Message}";
        }
    }

    // The same text renders the same: only a text that came back different is rendered to compare.
    private static bool ReadsBackChanged(string text, string readBack) =>
        readBack != text && AnkiHtmlRenderer.ToHtml(readBack) != AnkiHtmlRenderer.ToHtml(text);

    private static string? ReadBackProblem(MarkdownNote note, NoteTypeRegistry types)
    {
        string text = DeckFileWriter.Render([note], types);
        DeckFile written = DeckFileParser.Parse("card.md", text, types);
        if (!written.IsClean)
        {
            string reason = string.Join("; ", written.Errors.Select(error => error.Message).Distinct());
            return note.Fields.Values.Any(value => value.Split('\n').Any(line => line.TrimStart().StartsWith("<!-- note_key", StringComparison.Ordinal)))
                ? "it holds a '<!-- note_key: … -->' line, which deck files keep for the note's own key; remove that line"
                : $"written to its deck file, it would not read back: {reason}";
        }

        if (written.Notes.Count != 1)
            return $"written to its deck file, it would read back as {written.Notes.Count} notes: it holds text that separates notes; reword it";
        string[] changed = [.. note.Fields
            .Where(field => ReadsBackChanged(field.Value, written.Notes[0].Fields.GetValueOrDefault(field.Key) ?? ""))
            .Select(field => field.Key)];
        return changed.Length == 0
            ? null
            : $"written to its deck file, {string.Join(", ", changed)} would read back changed: it holds text the deck file format uses for itself; reword it";
    }
}
