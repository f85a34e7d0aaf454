using System.ComponentModel;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>Proposals as readable resources.</summary>
[McpServerResourceType]
internal sealed class ProposalResources(ProposalStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [McpServerResource(UriTemplate = "ankimcp://proposals/pending", Name = "pending_proposals", Title = "Pending proposals", MimeType = "application/json")]
    [Description("The proposed cards waiting for a decision or for creation (pending and approved), by batch, as JSON.")]
    public async Task<string> PendingProposals(CancellationToken cancellationToken)
    {
        IReadOnlyList<BatchView> batches = await BatchView.ListAsync(store, card => card.State is ProposalState.Pending or ProposalState.Approved, cancellationToken);
        return JsonSerializer.Serialize(batches, Json);
    }
}
