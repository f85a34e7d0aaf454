using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Gathers what new proposals are compared with for duplicates: proposals still waiting for creation, the notes of the
/// Markdown collection, and — when Anki is running — Anki's own duplicate check of each draft's first field.
/// </summary>
public sealed class ExistingCardFinder(ProposalStore store, string collectionDirectory, AnkiConnectClient anki)
{
    /// <summary>Existing cards the drafts may duplicate; a source that cannot be read (Anki down, broken note types) is left out.</summary>
    public async Task<IReadOnlyList<ExistingCard>> FindAsync(IReadOnlyList<CardDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        HashSet<string> noteTypes = [.. drafts.Select(draft => CardKindSchema.For(draft.Kind).NoteTypeName)];
        List<ExistingCard> existing = [.. await WaitingProposalsAsync(noteTypes, cancellationToken), .. MarkdownNotes(noteTypes)];
        existing.AddRange(await AnkiDuplicatesAsync(drafts, cancellationToken));
        return existing;
    }

    private async Task<IEnumerable<ExistingCard>> WaitingProposalsAsync(HashSet<string> noteTypes, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken: cancellationToken))
            .Where(card => card.State is ProposalState.Pending or ProposalState.Approved)
            .Select(card => (Card: card, Schema: CardKindSchema.For(card.Draft.Kind)))
            .Where(item => noteTypes.Contains(item.Schema.NoteTypeName))
            .Select(item => new ExistingCard(item.Schema.NoteTypeName, item.Card.Draft.Fields.GetValueOrDefault(item.Schema.FirstField) ?? string.Empty,
                $"{item.Card.State.ToString().ToLowerInvariant()} card {item.Card.Number} of batch {item.Card.BatchId}"));

    private IEnumerable<ExistingCard> MarkdownNotes(HashSet<string> noteTypes)
    {
        if (!Directory.Exists(Path.Combine(collectionDirectory, "note_types")))
            return [];
        MarkdownCollection collection;
        try
        {
            collection = MarkdownCollection.Load(collectionDirectory);
        }
        catch (CollectionFormatException)
        {
            return [];
        }

        return collection.Decks
            .SelectMany(deck => deck.Notes.Select(note => (Deck: deck, Note: note)))
            .Where(item => noteTypes.Contains(item.Note.NoteTypeName))
            .Select(item =>
            {
                string firstField = collection.NoteTypes.Find(item.Note.NoteTypeName)?.Fields[0].Name ?? string.Empty;
                return new ExistingCard(item.Note.NoteTypeName, item.Note.Fields.GetValueOrDefault(firstField) ?? string.Empty,
                    $"{Path.GetFileName(item.Deck.Path)} line {item.Note.Line}");
            });
    }

    private async Task<IEnumerable<ExistingCard>> AnkiDuplicatesAsync(IReadOnlyList<CardDraft> drafts, CancellationToken cancellationToken)
    {
        AnkiNewNote[] notes = [.. drafts.Select(draft =>
        {
            CardKindSchema schema = CardKindSchema.For(draft.Kind);
            return new AnkiNewNote(draft.Deck, schema.NoteTypeName,
                draft.Fields.ToDictionary(field => field.Key, field => AnkiHtmlRenderer.ToHtml(field.Value)), draft.Tags);
        })];
        IReadOnlyList<AnkiCanAddResult> answers;
        try
        {
            answers = await anki.CanAddNotesWithErrorDetailAsync(notes, cancellationToken);
        }
        catch (Exception error) when (error is AnkiUnavailableException or AnkiConnectException)
        {
            return [];
        }

        // Only Anki's duplicate verdict matters here; a missing deck or note type just means the card is new to Anki.
        return answers
            .Select((answer, index) => (Answer: answer, Draft: drafts[index]))
            .Where(item => item.Answer.Error?.Contains("duplicate", StringComparison.OrdinalIgnoreCase) == true)
            .Select(item =>
            {
                CardKindSchema schema = CardKindSchema.For(item.Draft.Kind);
                return new ExistingCard(schema.NoteTypeName, item.Draft.Fields.GetValueOrDefault(schema.FirstField) ?? string.Empty,
                    $"a note in Anki (note type {schema.NoteTypeName})");
            });
    }
}
