using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>
/// Runs the card rules over the notes of a Markdown collection: AnkiMcp's own note types by their kind, other cloze
/// types as cloze cards, other types written with <c>Q:</c> and <c>A:</c> as basic cards. Duplicates are looked for in
/// the whole collection, also when only one deck is checked.
/// </summary>
public static class CollectionLinter
{
    /// <summary>Lints every note, or those of <paramref name="deckName"/> and its subdecks.</summary>
    /// <exception cref="CollectionFormatException">There is no deck <paramref name="deckName"/>.</exception>
    public static CollectionLintReport Lint(MarkdownCollection collection, string? deckName = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        Func<DeckFile, bool> chosen = deck => deckName is null || DeckFileNames.IsSameOrSubdeck(deck.DeckName, deckName);
        if (deckName is not null && !collection.Decks.Any(chosen))
            throw new CollectionFormatException([new CollectionError(deckName!, 0, $"no deck file for deck '{deckName}'; the decks are: {string.Join(", ", collection.Decks.Select(d => d.DeckName))}")]);

        // The chosen decks' notes come last, so that a note repeating one elsewhere is the one flagged.
        List<(DeckFile Deck, MarkdownNote Note)> notes =
        [
            .. collection.Decks.Where(deck => !chosen(deck)).SelectMany(deck => deck.Notes.Select(note => (deck, note))),
            .. collection.Decks.Where(chosen).SelectMany(deck => deck.Notes.Select(note => (deck, note))),
        ];
        int firstChosen = notes.FindIndex(item => chosen(item.Deck)) is var first and >= 0 ? first : notes.Count;
        Dictionary<int, CardFlag> duplicates = DuplicateFinder.FindAmong(
                [.. notes.Select(item => new ExistingCard(item.Note.NoteTypeName, FirstField(collection.SourceOf(item.Deck).NoteTypes, item.Note), $"{FileOf(collection, item.Deck)} line {item.Note.Line}"))],
                firstChosen)
            .ToDictionary(match => match.Index, match => CardLinter.DuplicateFlag(match.Original.Where, match.Exact));

        List<NoteLint> flagged = [];
        Dictionary<string, int> notChecked = new(StringComparer.Ordinal);
        int checkedNotes = 0;
        for (int index = firstChosen; index < notes.Count; index++)
        {
            (DeckFile deck, MarkdownNote note) = notes[index];
            CardDraft? draft = ToDraft(collection.SourceOf(deck), deck, note);
            List<CardFlag> flags = duplicates.TryGetValue(index, out CardFlag? duplicate) ? [duplicate] : [];
            if (draft is null)
            {
                notChecked[note.NoteTypeName] = notChecked.GetValueOrDefault(note.NoteTypeName) + 1;
            }
            else
            {
                flags.AddRange(CardLinter.Lint(draft));
                checkedNotes++;
            }

            if (flags.Count > 0)
                flagged.Add(new NoteLint(FileOf(collection, deck), note.Line, deck.DeckName, note.Key, note.NoteTypeName, flags));
        }

        return new CollectionLintReport(checkedNotes, flagged, notChecked, [.. collection.Decks.Where(chosen).SelectMany(deck => deck.Errors)]);
    }

    // The card a note would be if it had been proposed: the kind its note type stands for, or null when no kind fits.
    // A collab source's copy of an AnkiMcp type (collab/owner/repo/AnkiMcpQA) stands for the same kind.
    private static CardDraft? ToDraft(DeckSource source, DeckFile deck, MarkdownNote note)
    {
        NoteTypeRegistry types = source.NoteTypes;
        CardKindSchema? schema = Enum.GetValues<CardKind>().Select(CardKindSchema.For)
            .FirstOrDefault(schema => source.NoteTypePrefix + schema.NoteTypeName == note.NoteTypeName);
        if (schema is not null)
            return new CardDraft(schema.Kind, deck.DeckName, note.Fields, note.Tags);
        if (types.Find(note.NoteTypeName) is not { IsChoice: false } type)
            return null;
        string Field(string label) => type.FieldByLabel(label) is { } field ? note.Fields.GetValueOrDefault(field.Name) ?? string.Empty : string.Empty;
        if (type.IsCloze)
            return new CardDraft(CardKind.Cloze, deck.DeckName, new Dictionary<string, string> { ["Text"] = FirstField(types, note) }, note.Tags);
        if (type.FieldByLabel("Q:") is not null && type.FieldByLabel("A:") is not null)
            return new CardDraft(CardKind.Basic, deck.DeckName, new Dictionary<string, string> { ["Question"] = Field("Q:"), ["Answer"] = Field("A:") }, note.Tags);
        return null;
    }

    // The deck file as the person finds it: its name, under collab/owner/repo/ for a collab source.
    private static string FileOf(MarkdownCollection collection, DeckFile deck) => collection.SourceOf(deck).RelativePathOf(Path.GetFileName(deck.Path));

    private static string FirstField(NoteTypeRegistry types, MarkdownNote note) =>
        types.Find(note.NoteTypeName)?.LabelledFields.FirstOrDefault() is { } field ? note.Fields.GetValueOrDefault(field.Name) ?? string.Empty : string.Empty;
}
