using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;

namespace AnkiMcp.Mcp;

/// <summary>A batch of proposed cards as tools report it.</summary>
internal sealed record BatchView(
    [property: Description("The batch's id")] long BatchId,
    [property: Description("The lesson or source label")] string Label,
    DateTimeOffset Created,
    [property: Description("Whether this session proposed it; decide on another session's batch only when the person names it")] bool ProposedHere,
    [property: Description("The MCP client that proposed it, when known")] string? ProposedBy,
    IReadOnlyList<CardView> Cards)
{
    public static BatchView From(ProposalBatch batch, string callerId, Func<Proposal, bool>? include = null) =>
        From(batch, callerId, include ?? (_ => true), CardView.From);

    /// <summary>The batch as a result echoes what the assistant just proposed, long fields cut (see <see cref="CardView.Echo(Proposal)"/>),
    /// with a duplicate flag on the card numbers in <paramref name="duplicates"/>.</summary>
    public static BatchView Echo(ProposalBatch batch, string callerId, IReadOnlyDictionary<int, CardFlag> duplicates) =>
        From(batch, callerId, _ => true, card => CardView.Echo(card, duplicates.GetValueOrDefault(card.Number)));

    private static BatchView From(ProposalBatch batch, string callerId, Func<Proposal, bool> include, Func<Proposal, CardView> view)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new BatchView(batch.Id, batch.Label, batch.Created, batch.Owner?.Id == callerId, batch.Owner?.Name, [.. batch.Cards.Where(include).Select(view)]);
    }

    /// <summary>Every batch with at least one card that <paramref name="include"/> accepts, showing only those cards.</summary>
    public static async Task<IReadOnlyList<BatchView>> ListAsync(ProposalStore store, string callerId, Func<Proposal, bool> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        List<BatchView> batches = [];
        foreach (long batchId in (await store.ListAsync(cancellationToken: cancellationToken)).Where(include).Select(card => card.BatchId).Distinct())
            batches.Add(From((await store.GetBatchAsync(batchId, cancellationToken))!, callerId, include));
        return batches;
    }
}
