using System.ComponentModel;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>Proposals as readable resources.</summary>
[McpServerResourceType]
internal sealed class ProposalResources(ProposalStore store, CallerSessions sessions)
{
    [McpServerResource(UriTemplate = "ankimcp://proposals/pending", Name = "pending_proposals", Title = "Pending proposals", MimeType = "application/json")]
    [Description("The proposed cards waiting for a decision or for creation (pending and approved), by batch, as JSON.")]
    public async Task<string> PendingProposals(McpServer server, CancellationToken cancellationToken)
    {
        IReadOnlyList<BatchView> batches = await BatchView.ListAsync(store, sessions.Of(server).Id,
            card => card.State is ProposalState.Pending or ProposalState.Approved, cancellationToken);
        return JsonSerializer.Serialize(batches, ToolJson.Indented);
    }
}
