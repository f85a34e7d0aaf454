using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Gathers what new proposals are compared with for duplicates: proposals still waiting for creation, the notes of the
/// Markdown collection, and — when Anki is running — Anki's own duplicate check of each draft's first field. Deck files
/// are parsed again only when they changed (see <see cref="DeckFileCache"/>).
/// </summary>
public sealed class ExistingCardFinder(ProposalStore store, string collectionDirectory, CachedNoteTypes noteTypes, DeckFileCache deckFiles, AnkiConnectClient anki)
{

    /// <summary>
    /// Existing cards the drafts may duplicate; a source that cannot be read (Anki down, broken note types) is left out,
    /// and so is <paramref name="revising"/>, the proposal the drafts are a new version of.
    /// </summary>
    public async Task<IReadOnlyList<ExistingCard>> FindAsync(IReadOnlyList<CardDraft> drafts, CancellationToken cancellationToken, Proposal? revising = null)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        HashSet<string> wanted = [.. drafts.Select(draft => CardKindSchema.For(draft.Kind).NoteTypeName)];
        NoteTypeRegistry? types = NoteTypes();
        Task<IEnumerable<ExistingCard>> inAnki = AnkiDuplicatesAsync(drafts, types, cancellationToken);
        List<ExistingCard> existing = [.. await WaitingProposalsAsync(wanted, revising, cancellationToken), .. MarkdownNotes(wanted, types)];
        existing.AddRange(await inAnki);
        return existing;
    }

    private async Task<IEnumerable<ExistingCard>> WaitingProposalsAsync(HashSet<string> wanted, Proposal? revising, CancellationToken cancellationToken)
    {
        IReadOnlyList<Proposal> pending = await store.ListAsync(state: ProposalState.Pending, cancellationToken: cancellationToken);
        IReadOnlyList<Proposal> approved = await store.ListAsync(state: ProposalState.Approved, cancellationToken: cancellationToken);
        return pending.Concat(approved)
            .Where(card => revising is null || card.BatchId != revising.BatchId || card.Number != revising.Number)
            .Select(card => (Card: card, Schema: CardKindSchema.For(card.Draft.Kind)))
            .Where(item => wanted.Contains(item.Schema.NoteTypeName))
            .Select(item => new ExistingCard(item.Schema.NoteTypeName, item.Card.Draft.Fields.GetValueOrDefault(item.Schema.FirstField) ?? string.Empty,
                $"{item.Card.State.ToString().ToLowerInvariant()} card {item.Card.Number} of batch {item.Card.BatchId}"));
    }

    // The collection's note types, read once per search; null when they cannot be read.
    private NoteTypeRegistry? NoteTypes()
    {
        try
        {
            return noteTypes.Get();
        }
        catch (CollectionFormatException)
        {
            return null;
        }
    }

    private List<ExistingCard> MarkdownNotes(HashSet<string> wanted, NoteTypeRegistry? types)
    {
        if (types is null)
            return [];

        // Cards are compared per kind: a note counts under the kind its note type serves (AnkiOpsQA serves basic cards too).
        Dictionary<string, string> kindByType = new(StringComparer.Ordinal);
        foreach (CardKindSchema schema in Enum.GetValues<CardKind>().Select(CardKindSchema.For).Where(schema => wanted.Contains(schema.NoteTypeName)))
        {
            if (schema.NoteTypeIn(types) is { } type)
                kindByType[type.Name] = schema.NoteTypeName;
        }
        List<ExistingCard> cards = [];
        foreach (string path in MarkdownCollection.DeckFilePaths(collectionDirectory))
        {
            foreach (MarkdownNote note in deckFiles.Get(path, types).Notes.Where(note => kindByType.ContainsKey(note.NoteTypeName)))
            {
                string firstField = types.Find(note.NoteTypeName)?.Fields[0].Name ?? string.Empty;
                cards.Add(new ExistingCard(kindByType[note.NoteTypeName], note.Fields.GetValueOrDefault(firstField) ?? string.Empty, $"{Path.GetFileName(path)} line {note.Line}"));
            }
        }

        return cards;
    }

    private async Task<IEnumerable<ExistingCard>> AnkiDuplicatesAsync(IReadOnlyList<CardDraft> drafts, NoteTypeRegistry? types, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnkiCanAddResult> answers;
        try
        {
            // One request: a closed Anki refuses the connection at once, so asking first would only add a round trip to
            // every proposal while Anki runs (rendering a lesson's fields costs far less than one).
            answers = await anki.CanAddNotesWithErrorDetailAsync([.. drafts.Select(draft => new AnkiNewNote(
                draft.Deck,
                AnkiNoteTypeOf(draft.Kind, types),
                draft.Fields.ToDictionary(field => field.Key, field => AnkiHtmlRenderer.ToHtml(field.Value)),
                draft.Tags))], cancellationToken);
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
                    $"a note in Anki (note type {AnkiNoteTypeOf(item.Draft.Kind, types)})");
            });
    }

    // The name the kind's cards have in Anki: the collection's note type for it, AnkiMcp's when the types cannot be read.
    private static string AnkiNoteTypeOf(CardKind kind, NoteTypeRegistry? types)
    {
        CardKindSchema schema = CardKindSchema.For(kind);
        return (types is null ? null : schema.NoteTypeIn(types)?.Name) ?? schema.NoteTypeName;
    }
}
