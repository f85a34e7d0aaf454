using System.Text.Json;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

public sealed class ElicitationApprovalTests : CollectionTest
{
    internal static McpClientOptions AnsweringWith(bool approve, List<string> shown) => new()
    {
        Handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                shown.Add(request?.Message ?? "");
                return ValueTask.FromResult(approve
                    ? new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(true) } }
                    : new ElicitResult { Action = "decline" });
            },
        },
    };

    [Fact]
    public async Task PersonAccepts_OnlyTheCardsShownAreApprovedByElicitation()
    {
        List<string> shown = [];
        await using McpClient client = await StartServerAsync("elicit", options: AnsweringWith(true, shown));
        JsonElement proposed = await client.CallAsync("propose_cards", Rust(), Ct);
        long batch = proposed.GetProperty("proposal").GetProperty("batch_id").GetInt64();

        JsonElement approved = await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1, 3))), Ct);

        Assert.Equal([1, 3], approved.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
        string form = Assert.Single(shown);
        Assert.Contains("1. [cloze] Programming::Rust", form, StringComparison.Ordinal);
        Assert.Contains("3. [error] Programming::Rust", form, StringComparison.Ordinal);
        Assert.DoesNotContain("2. [why]", form, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Elicit, cancellationToken: Ct);
        IReadOnlyList<ProposalTransition> approvals = [.. (await store.TransitionsAsync(batch, cancellationToken: Ct)).Where(t => t.To == ProposalState.Approved)];
        Assert.Equal([(1, ProposalActor.Elicitation), (3, ProposalActor.Elicitation)], approvals.Select(t => (t.Number, t.Actor)));
    }

    [Fact]
    public async Task PersonDeclines_NothingIsApproved()
    {
        List<string> shown = [];
        await using McpClient client = await StartServerAsync("elicit", options: AnsweringWith(false, shown));
        await client.CallAsync("propose_cards", Rust(), Ct);

        JsonElement result = await client.CallAsync("approve_proposals", Args(("all", true)), Ct);

        Assert.Empty(result.GetProperty("numbers").EnumerateArray());
        Assert.Contains("did not approve (their answer: decline)", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(shown);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Elicit, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(4, 0, 0, 0), await store.CountsAsync(Ct));
    }

    [Fact]
    public async Task ClientWithoutElicitation_IsToldSoAndNothingIsApproved()
    {
        await using McpClient client = await StartServerAsync("elicit");
        await client.CallAsync("propose_cards", Rust(), Ct);

        string refusal = await client.CallFailingAsync("approve_proposals", Args(("all", true)), Ct);

        Assert.Contains("cannot show the server's approval form", refusal, StringComparison.Ordinal);
        Assert.Contains("ankimcp review", refusal, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Elicit, cancellationToken: Ct);
        Assert.Equal(4, (await store.CountsAsync(Ct)).Pending);
    }
}
