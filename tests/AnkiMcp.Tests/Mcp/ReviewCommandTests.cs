using AnkiMcp.Core.Proposals;
using AnkiMcp.Tests.Cli;
using AnkiMcp.Tests.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

public sealed class ReviewCommandTests : CollectionTest
{
    [Fact]
    public async Task ReviewerPolicy_AssistantCannotApproveButTheTerminalReviewCan()
    {
        await using (McpClient client = await StartServerAsync("reviewer"))
        {
            await client.CallAsync("propose_cards", Rust(), Ct);
            await client.CallFailingAsync("approve_proposals", Args(("all", true)), Ct);
        }

        // card 1 approve; card 2 reject with a reason; card 3 skip; card 4 edit (Question, Answer, Extra) then approve
        string answers = "a\nr\nchain is too long\ns\ne\nWhat does `&mut T` give you?\n\nSeen in the borrow checker lesson\na\n";
        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["review", "--collection", Collection], answers, cancellationToken: Ct);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("1. [cloze] Programming::Rust", stdout, StringComparison.Ordinal);
        Assert.Contains("Approved 2, rejected 1, edited 1, skipped 1.", stdout, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        IReadOnlyList<Proposal> cards = await store.ListAsync(cancellationToken: Ct);
        Assert.Equal([ProposalState.Approved, ProposalState.Rejected, ProposalState.Pending, ProposalState.Approved], cards.Select(card => card.State));
        Assert.Equal("chain is too long", cards[1].RejectionReason);
        Assert.Equal((2, "What does `&mut T` give you?", "An exclusive, mutable borrow.", "Seen in the borrow checker lesson"),
            (cards[3].Revision, cards[3].Draft.Fields["Question"], cards[3].Draft.Fields["Answer"], cards[3].Draft.Fields["Extra"]));
        IReadOnlyList<ProposalTransition> decisions = [.. (await store.TransitionsAsync(cards[0].BatchId, cancellationToken: Ct)).Where(t => t.From is not null)];
        Assert.All(decisions, transition => Assert.Equal(ProposalActor.TerminalReview, transition.Actor));
        Assert.Equal(4, decisions.Count);
    }

    [Fact]
    public async Task NothingPending_SaysSo()
    {
        (int exitCode, string stdout, _) = await CliRunner.RunAsync(["review", "--collection", Collection], cancellationToken: Ct);

        Assert.Equal(0, exitCode);
        Assert.Contains("No proposed cards are waiting for review.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuitHalfway_KeepsTheDecisionsMadeAndLeavesTheRestPending()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze(), Drafts.Why()], ProposalActor.Assistant, Ct);

        (int exitCode, string stdout, _) = await CliRunner.RunAsync(["review", "--collection", Collection], "x\na\nq\n", cancellationToken: Ct);

        Assert.Equal(0, exitCode);
        Assert.Contains("'x' is not one of a, e, r, s, q.", stdout, StringComparison.Ordinal);
        Assert.Equal(new ProposalCounts(2, 1, 0, 0), await store.CountsAsync(Ct));
    }
}
