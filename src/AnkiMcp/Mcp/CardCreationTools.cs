using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>The one tool that creates cards — and it only ever creates cards the person approved.</summary>
[McpServerToolType]
internal sealed class CardCreationTools(ApprovedCardCreator creator)
{
    [McpServerTool(Name = "create_approved_cards", Title = "Create the approved cards", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true)]
    [Description("Creates every approved card (of one batch, or of all): appends them with fresh note keys to the Markdown deck files, " +
        "then sends them to Anki in one request. Pending, rejected and unapproved cards are never created. When Anki is not running, " +
        "the cards are still saved in the deck files and reach Anki with the next sync — the result says so; tell the person exactly what it says. " +
        "Only after this reports cards may you say they exist.")]
    public async Task<CreateCardsResult> CreateApprovedCards(
        [Description("Only this batch (default: every batch with approved cards)")] long? batch = null,
        CancellationToken cancellationToken = default)
    {
        CreationScope scope = batch is { } id ? CreationScope.Batch(id) : CreationScope.All;
        CardCreationResult result = await AssistantRefusals.RunAsync(() => creator.CreateAsync(scope, ProposalActor.Assistant, cancellationToken));
        if (result.Created.Count == 0)
            throw new McpException($"{result.Message} Fix what it names, then call create_approved_cards again.");
        return new CreateCardsResult([.. result.Created.Select(CardView.From)], result.DeckFiles,
            result.Created.All(card => card.ReachedAnki == true), result.Message, [.. result.Failed.Select(NotCreatedCard.From)]);
    }
}
