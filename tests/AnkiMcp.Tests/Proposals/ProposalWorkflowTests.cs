using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Proposals;

/// <summary>The workflow's rules without a database: which batch a caller means, which cards a decision moves.</summary>
public sealed class ProposalWorkflowTests
{
    private static readonly ProposalOwner s_me = new("me", "client A");
    private static readonly ProposalOwner s_other = new("other", "client B");

    [Fact]
    public void ChooseBatch_WithoutAName_TakesTheCallersOnlyOpenBatchNeverAnotherSessions()
    {
        BatchSummary[] batches = [Summary(1, s_me, pending: 2), Summary(2, s_other, pending: 3)];

        Assert.Equal(1, ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Approve));
        Assert.Equal(2, ProposalWorkflow.ChooseBatch(null, batches, "other", ProposalChange.Approve));
    }

    [Fact]
    public void ChooseBatch_WithSeveralOpenBatchesOfTheCaller_ListsThemToChooseFrom()
    {
        BatchSummary[] batches = [Summary(1, s_me, pending: 2), Summary(2, s_other, pending: 1), Summary(3, s_me, pending: 1, approved: 1), Summary(4, s_me, created: 3)];

        ProposalRefusal.BatchNeeded needed = Refused<ProposalRefusal.BatchNeeded>(() => ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Approve));

        Assert.Equal([1L, 3L], needed.Choices.Select(batch => batch.Id));
        Assert.Equal("No batch was named, and 2 batches proposed here have cards to approve: batch 1 'lesson 1' (2 pending); batch 3 'lesson 3' (1 pending, 1 approved).", needed.Fact);
    }

    [Fact]
    public void ChooseBatch_OpenMeansWhatTheChangeAppliesTo()
    {
        BatchSummary[] batches = [Summary(1, s_me, approved: 2), Summary(2, s_me, pending: 1), Summary(3, s_me, rejected: 1)];

        Assert.Equal(2, ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Approve));
        Assert.Equal([1L, 2L], Refused<ProposalRefusal.BatchNeeded>(() => ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Reject)).Choices.Select(b => b.Id));
        Assert.Equal(3, Refused<ProposalRefusal.BatchNeeded>(() => ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Revise)).Choices.Count);
    }

    [Fact]
    public void ChooseBatch_WhenNoneOfTheCallersBatchesIsOpen_TakesItsNewest()
    {
        BatchSummary[] batches = [Summary(1, s_me, rejected: 2), Summary(2, s_me, created: 1, rejected: 1), Summary(3, s_other, pending: 1)];

        Assert.Equal(2, ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Approve));
    }

    [Fact]
    public void ChooseBatch_ForACallerThatProposedNothing_NamesTheOtherSessionsOpenBatches()
    {
        BatchSummary[] batches = [Summary(1, null, pending: 1), Summary(2, s_other, pending: 2), Summary(3, s_other, created: 2)];

        ProposalRefusal.NothingProposedHere refusal = Refused<ProposalRefusal.NothingProposedHere>(() => ProposalWorkflow.ChooseBatch(null, batches, "me", ProposalChange.Approve));

        Assert.Equal([1L, 2L], refusal.OthersOpen.Select(batch => batch.Id));
        Assert.Equal([], Refused<ProposalRefusal.NothingProposedHere>(() => ProposalWorkflow.ChooseBatch(null, [], "me", ProposalChange.Reject)).OthersOpen);
    }

    [Fact]
    public void ChooseBatch_ByName_TakesAnySessionsBatchAndNamesAMissingOne()
    {
        BatchSummary[] batches = [Summary(1, s_me, pending: 1), Summary(2, s_other, pending: 1)];

        Assert.Equal(2, ProposalWorkflow.ChooseBatch(2, batches, "me", ProposalChange.Approve));
        Assert.Equal("There is no batch 9.", Refused<ProposalRefusal.NoSuchBatch>(() => ProposalWorkflow.ChooseBatch(9, batches, "me", ProposalChange.Approve)).Fact);
    }

    [Fact]
    public void ToApprove_MovesPendingCardsOnlyAndRefusesClosedOrChangedOnes()
    {
        ProposalBatch batch = Batch(ProposalState.Pending, ProposalState.Approved, ProposalState.Rejected, ProposalState.Pending);

        Assert.Equal([1, 4], ProposalWorkflow.ToApprove(batch, null).Select(card => card.Number));
        Assert.Equal([1], ProposalWorkflow.ToApprove(batch, [1, 2]).Select(card => card.Number));
        ProposalRefusal.CardClosed closed = Refused<ProposalRefusal.CardClosed>(() => ProposalWorkflow.ToApprove(batch, [1, 3]));
        Assert.Equal((3, ProposalChange.Approve), (closed.Card.Number, closed.Attempted));
        Assert.Equal("Batch 7 has cards 1–4; there are no cards 5, 9.", Refused<ProposalRefusal.NoSuchCards>(() => ProposalWorkflow.ToApprove(batch, [9, 1, 5])).Fact);
        Assert.Equal(4, Refused<ProposalRefusal.ChangedSinceShown>(() => ProposalWorkflow.ToApprove(batch, [1, 4], new Dictionary<int, int> { [1] = 1, [4] = 0 })).Card.Number);
        Refused<ProposalRefusal.NoNumbers>(() => ProposalWorkflow.ToApprove(batch, []));
    }

    [Fact]
    public void ToReject_TakesPendingAndApprovedCardsButNotCreatedOrClaimedOnes()
    {
        ProposalBatch batch = Batch(ProposalState.Pending, ProposalState.Approved, ProposalState.Created, ProposalState.Rejected);
        ProposalBatch claimed = batch with { Cards = [.. batch.Cards.Select(card => card.Number == 2 ? card with { NoteKey = "k" } : card)] };

        Assert.Equal([1], ProposalWorkflow.ToReject(batch, null).Select(card => card.Number));
        Assert.Equal([1, 2], ProposalWorkflow.ToReject(batch, [1, 2, 4]).Select(card => card.Number));
        Assert.Equal(ProposalState.Created, Refused<ProposalRefusal.CardClosed>(() => ProposalWorkflow.ToReject(batch, [3])).Card.State);
        Assert.Equal("k", Refused<ProposalRefusal.BeingCreated>(() => ProposalWorkflow.ToReject(claimed, [2])).Card.NoteKey);
    }

    [Fact]
    public void CheckProposal_RefusesAnEmptyBatch()
    {
        Assert.Equal("A batch needs at least one card.", Refused<ProposalRefusal.NoCards>(() => ProposalWorkflow.CheckProposal("lesson", [])).Fact);
    }

    private static T Refused<T>(Action action) where T : ProposalRefusal =>
        Assert.IsType<T>(Assert.Throws<ProposalRefusedException>(action).Refusal);

    private static T Refused<T>(Func<object> action) where T : ProposalRefusal =>
        Assert.IsType<T>(Assert.Throws<ProposalRefusedException>(action).Refusal);

    private static BatchSummary Summary(long id, ProposalOwner? owner, int pending = 0, int approved = 0, int created = 0, int rejected = 0) =>
        new(id, $"lesson {id}", DateTimeOffset.UnixEpoch, owner, new ProposalCounts(pending, approved, created, rejected));

    private static ProposalBatch Batch(params ProposalState[] states) =>
        new(7, "lesson", DateTimeOffset.UnixEpoch, [.. states.Select((state, index) => new Proposal(7, index + 1, 1, state, Drafts.Basic(), null, null, null))]);
}
