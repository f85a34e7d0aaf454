using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>The proposal loop: propose, list, revise, approve, reject. None of these writes to Anki or to the deck files.</summary>
[McpServerToolType]
internal sealed class ProposalTools(ProposalStore store, AnkiMcpServerSettings settings, ElicitedApproval elicitation, ExistingCardFinder existingCards,
    CreationCheck creationCheck, CallerSessions sessions)
{
    private const string BatchIdDescription =
        "The batch's id. Leave it out to mean the batch this session proposed (when it has several open ones, the answer lists them to ask the person); " +
        "a batch another session proposed only when the person named it";

    [McpServerTool(Name = "propose_cards", Title = "Propose cards", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Proposes candidate Anki cards for the person to review, as one numbered batch (usually one per lesson). " +
        "Nothing is created: show the person every card with its number, kind, deck and fields, then wait for their decision " +
        "(approve all / some numbers, edit, reject). Flags likely duplicates of existing notes and pending proposals.")]
    public async Task<ProposeCardsResult> ProposeCards(
        McpServer server,
        [Description("The lesson or source these cards come from, e.g. 'Rust ownership, 2026-11-23'")] string lesson,
        [Description("The candidate cards, in the order to show them; they are numbered 1..n")] IReadOnlyList<ProposedCardInput> cards,
        CancellationToken cancellationToken)
    {
        if (cards is null || cards.Count == 0)
            throw new McpException("Give at least one card in 'cards'.");
        CardDraft[] drafts = [.. cards.Select((card, index) => (card ?? throw new McpException($"Card {index + 1} is empty.")).ToDraft(index + 1))];
        AssistantRefusals.Run(() =>
        {
            ProposalWorkflow.CheckProposal(lesson, drafts);
            creationCheck.EnsureCreatable([.. drafts.Select((draft, index) => (index + 1, draft))]);
        });
        IReadOnlyList<ExistingCard> existing = await existingCards.FindAsync(drafts, cancellationToken);

        ProposalOwner caller = sessions.Of(server);
        ProposalBatch batch = await AssistantRefusals.RunAsync(() => store.ProposeAsync(lesson, drafts, ProposalActor.Assistant, caller, cancellationToken));
        IReadOnlyList<PossibleDuplicate> duplicates = DuplicateFinder.Find(drafts, existing);
        return new ProposeCardsResult(BatchView.Echo(batch, caller.Id, duplicates.ToDictionary(duplicate => duplicate.Number, CardLinter.DuplicateFlag)), duplicates,
            $"Show the person all {batch.Cards.Count} cards of batch {batch.Id} with their numbers{(duplicates.Count > 0 ? " and point out the possible duplicates" : "")}, " +
            $"then act only on their answer. {HowToApprove()}");
    }

    [McpServerTool(Name = "list_proposals", Title = "List proposals", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists proposed cards by batch with their numbers, states (pending, approved, created, rejected) and current text, and " +
        "whether this session proposed each batch (the others are decided on only when the person names them). " +
        "By default shows the cards still waiting: pending and approved-but-not-created.")]
    public async Task<ProposalListResult> ListProposals(
        McpServer server,
        [Description("Only this batch (default: all batches)")] long? batch_id = null,
        [Description("pending, approved, created, rejected, open (pending + approved, the default) or all")] string? state = null,
        CancellationToken cancellationToken = default)
    {
        Func<Proposal, bool> include = ParseStateFilter(state);
        string caller = sessions.Of(server).Id;
        IReadOnlyList<BatchView> batches = batch_id is { } id
            ? [BatchView.From(await store.GetBatchAsync(id, cancellationToken)
                ?? throw AssistantRefusals.ToToolError(new ProposalRefusedException(new ProposalRefusal.NoSuchBatch(id))), caller, include)]
            : await BatchView.ListAsync(store, caller, include, cancellationToken);
        return new ProposalListResult(settings.Policy.ToString().ToLowerInvariant(), batches);
    }

    [McpServerTool(Name = "revise_proposal", Title = "Revise a proposed card", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Changes one proposed card as the person asked ('edit 2: …'). Give only what changes: omitted fields keep their text, " +
        "an empty string clears an optional field, and a new kind needs all of its fields. The old version stays in the history. " +
        "A revised card is pending again: show the new version and wait for the person to approve it.")]
    public async Task<RevisedCardResult> ReviseProposal(
        McpServer server,
        [Description("The card's number in its batch")] int number,
        [Description("The changes: kind, deck, the kind's fields and/or tags")] ProposedCardInput changes,
        [Description(BatchIdDescription)] long? batch_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        long batchId = await ChooseBatchAsync(server, batch_id, ProposalChange.Revise, cancellationToken);
        Proposal saved = await AssistantRefusals.RunAsync(async () =>
        {
            Proposal card = ProposalWorkflow.CardOf((await store.GetBatchAsync(batchId, cancellationToken))!, number);
            CardDraft revised = changes.MergeInto(card.Draft, number);
            ProposalWorkflow.CheckRevision(card, revised);
            creationCheck.EnsureCreatable([(number, revised)]);
            return await store.ReviseAsync(batchId, number, revised, ProposalActor.Assistant, cancellationToken);
        });
        IReadOnlyList<ExistingCard> existing = await existingCards.FindAsync([saved.Draft], cancellationToken, revising: saved);
        CardFlag? duplicate = DuplicateFinder.Find([saved.Draft], existing) is [{ } repeated] ? CardLinter.DuplicateFlag(repeated) : null;
        return new RevisedCardResult(batchId, CardView.Echo(saved, duplicate),
            $"Card {number} is now revision {saved.Revision} and pending. Show it to the person; it is approved only when they say so.");
    }

    [McpServerTool(Name = "approve_proposals", Title = "Approve proposed cards", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Records the person's approval of proposed cards: the numbers they approved, or all pending cards of the batch when they said " +
        "'approve all'. Call it only with the person's own decision, never on your own initiative. Under the 'elicit' policy the server " +
        "asks the person itself and only their answer counts; under 'reviewer' only `ankimcp review` in a terminal can approve. " +
        "Approved cards are created by create_approved_cards.")]
    public async Task<DecisionResult> ApproveProposals(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("The numbers the person approved, e.g. [1, 3]")] IReadOnlyList<int>? numbers = null,
        [Description("true when the person approved every pending card of the batch")] bool all = false,
        [Description(BatchIdDescription)] long? batch_id = null,
        CancellationToken cancellationToken = default)
    {
        if (settings.Policy == ApprovalPolicy.Elicit)
            return await ApproveByElicitationAsync(server, context, numbers, all, batch_id, cancellationToken);

        long batchId = await ChooseBatchAsync(server, batch_id, ProposalChange.Approve, cancellationToken);
        IReadOnlyList<int>? chosen = ChooseNumbers(numbers, all, "approve");
        IReadOnlyList<Proposal> approved = await AssistantRefusals.RunAsync(() => store.ApproveAsync(batchId, chosen, ProposalActor.Assistant, cancellationToken: cancellationToken));
        return Approved(batchId, approved);
    }

    [McpServerTool(Name = "reject_proposals", Title = "Reject proposed cards", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Records that the person rejected proposed cards, with their reason when they gave one (it helps propose better cards next time). " +
        "A rejected card can come back only through revise_proposal.")]
    public async Task<DecisionResult> RejectProposals(
        McpServer server,
        [Description("The numbers the person rejected, e.g. [4]")] IReadOnlyList<int>? numbers = null,
        [Description("true when the person rejected every pending card of the batch ('none', 'skip it')")] bool all = false,
        [Description("The person's reason, in their words, if they gave one")] string? reason = null,
        [Description(BatchIdDescription)] long? batch_id = null,
        CancellationToken cancellationToken = default)
    {
        long batchId = await ChooseBatchAsync(server, batch_id, ProposalChange.Reject, cancellationToken);
        IReadOnlyList<int>? chosen = ChooseNumbers(numbers, all, "reject");
        IReadOnlyList<Proposal> rejected = await AssistantRefusals.RunAsync(() => store.RejectAsync(batchId, chosen, reason, ProposalActor.Assistant, cancellationToken));
        return new DecisionResult(batchId, [.. rejected.Select(card => card.Number)], rejected.Count == 0
            ? $"No card of batch {batchId} changed: they were already rejected."
            : $"Rejected {Numbers(rejected)} of batch {batchId}{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason.Trim()})")}.");
    }

    private async Task<DecisionResult> ApproveByElicitationAsync(McpServer server, RequestContext<CallToolRequestParams> context,
        IReadOnlyList<int>? numbers, bool all, long? batch, CancellationToken cancellationToken)
    {
        ApprovalAnswer? answer = elicitation.ReadAnswer(context);
        if (answer is null)
        {
            long batchId = await ChooseBatchAsync(server, batch, ProposalChange.Approve, cancellationToken);
            IReadOnlyList<int>? chosen = ChooseNumbers(numbers, all, "approve");
            ProposalBatch current = (await store.GetBatchAsync(batchId, cancellationToken))!;
            IReadOnlyList<Proposal> asked = AssistantRefusals.Run(() => ProposalWorkflow.ToApprove(current, chosen));
            if (asked.Count == 0)
                throw AssistantRefusals.ToToolError(new ProposalRefusedException(new ProposalRefusal.NothingToApprove(batchId)));
            throw elicitation.Ask(server, current, asked);
        }

        if (!answer.Approved)
        {
            return new DecisionResult(answer.Batch, [],
                $"The person did not approve (their answer: {answer.Action}). Nothing was approved; ask them what to change or whether to reject the cards.");
        }

        IReadOnlyList<Proposal> approved = await AssistantRefusals.RunAsync(() =>
            store.ApproveAsync(answer.Batch, [.. answer.ShownRevisions.Keys], ProposalActor.Elicitation, answer.ShownRevisions, cancellationToken));
        return Approved(answer.Batch, approved);
    }

    private static DecisionResult Approved(long batchId, IReadOnlyList<Proposal> approved) =>
        new(batchId, [.. approved.Select(card => card.Number)], approved.Count == 0
            ? $"No card of batch {batchId} changed: they were already approved. Call create_approved_cards to create approved cards."
            : $"Approved {Numbers(approved)} of batch {batchId}. Call create_approved_cards to create them; until it reports them, they do not exist.");

    private static IReadOnlyList<int>? ChooseNumbers(IReadOnlyList<int>? numbers, bool all, string verb)
    {
        bool hasNumbers = numbers is { Count: > 0 };
        if (all == hasNumbers)
            throw new McpException($"To {verb}, give either the card numbers the person named or all=true when they meant every pending card — not both, not neither.");
        return all ? null : numbers;
    }

    private string HowToApprove() => settings.Policy switch
    {
        ApprovalPolicy.Elicit => "When the person wants cards approved, call approve_proposals: the server asks them to confirm in a form.",
        ApprovalPolicy.Reviewer => "Approval policy is 'reviewer': ask the person to approve in a terminal with `ankimcp review`, then call create_approved_cards.",
        _ => "Record their decision with approve_proposals / revise_proposal / reject_proposals, then call create_approved_cards.",
    };

    private async Task<long> ChooseBatchAsync(McpServer server, long? batch, ProposalChange change, CancellationToken cancellationToken)
    {
        IReadOnlyList<BatchSummary> batches = await store.BatchSummariesAsync(cancellationToken);
        return AssistantRefusals.Run(() => ProposalWorkflow.ChooseBatch(batch, batches, sessions.Of(server).Id, change));
    }

    private static Func<Proposal, bool> ParseStateFilter(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        null or "" or "open" => card => card.State is ProposalState.Pending or ProposalState.Approved,
        "all" => _ => true,
        "pending" => card => card.State == ProposalState.Pending,
        "approved" => card => card.State == ProposalState.Approved,
        "created" => card => card.State == ProposalState.Created,
        "rejected" => card => card.State == ProposalState.Rejected,
        _ => throw new McpException($"state '{Quoted.Of(state)}' is unknown; use pending, approved, created, rejected, open or all."),
    };

    private static string Numbers(IReadOnlyList<Proposal> cards) => ProposalRefusal.Numbers(cards.Select(card => card.Number));
}
