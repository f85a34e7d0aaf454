namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Why the proposal workflow refused a change, as data. <see cref="Fact"/> states what is so in plain words and names no
/// tool or command: the MCP server and the CLI each add what their reader should do next.
/// </summary>
public abstract record ProposalRefusal
{
    private ProposalRefusal()
    {
    }

    /// <summary>What is so, in one or two sentences, for any audience.</summary>
    public abstract string Fact { get; }

    /// <summary>The card numbers, as people say them: "card 2" or "cards 1, 3".</summary>
    public static string Numbers(IEnumerable<int> numbers)
    {
        int[] list = [.. numbers];
        return (list.Length == 1 ? "card " : "cards ") + string.Join(", ", list);
    }

    /// <summary>An empty batch was proposed.</summary>
    public sealed record NoCards : ProposalRefusal
    {
        public override string Fact => "A batch needs at least one card.";
    }

    /// <summary>A batch beyond <see cref="ProposalLimits"/>: too many cards, too much text, too long a label.</summary>
    public sealed record TooLarge(string Limit) : ProposalRefusal
    {
        public override string Fact => Limit;
    }

    /// <summary>Cards that break their kind's rules or would not fit the collection; nothing was stored.</summary>
    public sealed record InvalidCards(IReadOnlyList<CardProblem> Problems) : ProposalRefusal
    {
        public override string Fact => string.Join(Environment.NewLine, Problems.Select(problem => problem.ToString()));
    }

    /// <summary>A batch id that no batch has.</summary>
    public sealed record NoSuchBatch(long BatchId) : ProposalRefusal
    {
        public override string Fact => $"There is no batch {BatchId}.";
    }

    /// <summary>Card numbers that the batch does not have.</summary>
    public sealed record NoSuchCards(long BatchId, int CardCount, IReadOnlyList<int> Missing) : ProposalRefusal
    {
        public override string Fact => $"Batch {BatchId} has cards 1–{CardCount}; there {(Missing.Count == 1 ? "is no" : "are no")} {Numbers(Missing)}.";
    }

    /// <summary>An empty list of card numbers, which means neither "these cards" nor "all of them".</summary>
    public sealed record NoNumbers : ProposalRefusal
    {
        public override string Fact => "No card numbers were given.";
    }

    /// <summary>A card whose state rules the change out: a rejected card cannot be approved, a created one cannot change.</summary>
    public sealed record CardClosed(Proposal Card, ProposalChange Attempted) : ProposalRefusal
    {
        public override string Fact =>
            $"Card {Card.Number} of batch {Card.BatchId} was {(Card.State == ProposalState.Created ? "already created" : Card.State.ToString().ToLowerInvariant())}; " +
            $"a {Card.State.ToString().ToLowerInvariant()} card cannot be {Attempted.PastParticiple()}.";
    }

    /// <summary>A card that is half-way through creation: it holds a note key and may already be in its deck file.</summary>
    public sealed record BeingCreated(Proposal Card) : ProposalRefusal
    {
        public override string Fact => $"Card {Card.Number} of batch {Card.BatchId} is being created (note key {Card.NoteKey}).";
    }

    /// <summary>A card revised after the person saw it: the approval is for a version that no longer exists.</summary>
    public sealed record ChangedSinceShown(Proposal Card, int ShownRevision) : ProposalRefusal
    {
        public override string Fact =>
            $"Card {Card.Number} of batch {Card.BatchId} was revised after the person saw it (they saw revision {ShownRevision}, it is now {Card.Revision}); nothing was approved.";
    }

    /// <summary>Approval by someone the policy does not let approve.</summary>
    public sealed record NotAllowedToApprove(ApprovalPolicy Policy, ProposalActor Actor) : ProposalRefusal
    {
        public override string Fact => Policy switch
        {
            ApprovalPolicy.Reviewer => "The approval policy is 'reviewer': only the person approves, in the terminal review.",
            _ => "The approval policy is 'elicit': only the person's answer to the server's confirmation form counts, and this approval did not come from one.",
        };
    }

    /// <summary>An approval asked for a batch without pending cards.</summary>
    public sealed record NothingToApprove(long BatchId) : ProposalRefusal
    {
        public override string Fact => $"Batch {BatchId} has no pending cards to approve.";
    }

    /// <summary>A creation found no approved card (of the batch or owner asked for).</summary>
    public sealed record NothingApproved(int Pending) : ProposalRefusal
    {
        public override string Fact => "No approved cards to create; nothing was written." + (Pending == 0
            ? ""
            : $" {Pending} card{(Pending == 1 ? " is" : "s are")} pending the person's decision.");
    }

    /// <summary>Another process kept the collection's creation lock for longer than a creation waits.</summary>
    public sealed record CreationBusy(TimeSpan Waited) : ProposalRefusal
    {
        public override string Fact =>
            $"Another AnkiMcp process has been creating cards in this collection for {Waited.TotalSeconds:0} s; nothing was created.";
    }

    /// <summary>No batch was named and the caller has several open ones: which one is meant is the person's call.</summary>
    public sealed record BatchNeeded(ProposalChange Attempted, IReadOnlyList<BatchSummary> Choices) : ProposalRefusal
    {
        public override string Fact =>
            $"No batch was named, and {Choices.Count} batches proposed here have cards to {Attempted.Verb()}: {BatchSummary.Describe(Choices)}.";
    }

    /// <summary>No batch was named and the caller proposed none; batches of other sessions are decided on only by id.</summary>
    public sealed record NothingProposedHere(IReadOnlyList<BatchSummary> OthersOpen) : ProposalRefusal
    {
        public override string Fact => "Nothing was proposed in this session." + (OthersOpen.Count == 0
            ? ""
            : $" Batches proposed elsewhere that are still open: {BatchSummary.Describe(OthersOpen)}; they are decided on only when named by id.");
    }
}
