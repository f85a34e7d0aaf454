using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>The one tool that creates cards — and it only ever creates cards the person approved.</summary>
[McpServerToolType]
internal sealed class CardCreationTools(ApprovedCardCreator creator, CallerSessions sessions)
{
    [McpServerTool(Name = "create_approved_cards", Title = "Create the approved cards", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true)]
    [Description("Creates the approved cards this session proposed (or those of the batch named): appends them with fresh note keys to the Markdown deck files, " +
        "then sends them to Anki in one request. Pending, rejected and unapproved cards are never created. When Anki is not running, " +
        "the cards are still saved in the deck files and reach Anki with the next sync — the result says so; tell the person exactly what it says. " +
        "Only after this reports cards may you say they exist.")]
    public async Task<CreateCardsResult> CreateApprovedCards(
        McpServer server,
        [Description("Only this batch, whichever session proposed it (default: the approved cards of every batch this session proposed)")] long? batch_id = null,
        CancellationToken cancellationToken = default)
    {
        CreationScope scope = batch_id is { } id ? CreationScope.Batch(id) : CreationScope.ProposedBy(sessions.Of(server).Id);
        CardCreationResult result = await AssistantRefusals.RunAsync(() => creator.CreateAsync(scope, ProposalActor.Assistant, cancellationToken));
        if (result.Created.Count == 0)
            throw new McpException($"{result.Message} Fix what it names, then call create_approved_cards again.");
        return new CreateCardsResult([.. result.Created.Select(CardView.Echo)], result.DeckFiles,
            result.Created.All(card => card.ReachedAnki == true), result.Message, [.. result.Failed.Select(NotCreatedCard.From)]);
    }
}
