namespace AnkiMcp.Core.Proposals;

/// <summary>Gathers the cards new proposals are compared with for duplicates: proposals still waiting for creation.</summary>
public sealed class ExistingCardFinder(ProposalStore store)
{
    /// <summary>Existing cards of the note types the drafts would become.</summary>
    public async Task<IReadOnlyList<ExistingCard>> FindAsync(IReadOnlyList<CardDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        HashSet<CardKind> kinds = [.. drafts.Select(draft => draft.Kind)];
        IReadOnlyList<Proposal> waiting = await store.ListAsync(cancellationToken: cancellationToken);
        return [.. waiting
            .Where(card => card.State is ProposalState.Pending or ProposalState.Approved && kinds.Contains(card.Draft.Kind))
            .Select(card =>
            {
                CardKindSchema schema = CardKindSchema.For(card.Draft.Kind);
                return new ExistingCard(schema.NoteTypeName, card.Draft.Fields.GetValueOrDefault(schema.FirstField) ?? string.Empty,
                    $"{card.State.ToString().ToLowerInvariant()} card {card.Number} of batch {card.BatchId}");
            })];
    }
}
