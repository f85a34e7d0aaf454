using System.Text.Json;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

public sealed class ProposalLoopTests : CollectionTest
{
    [Fact]
    public async Task Tools_AreTheProposalLoopWithAnnotationsAndNoDirectAdd()
    {
        await using McpClient client = await StartServerAsync();

        IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal("ankimcp", client.ServerInfo?.Name);
        Assert.Contains("never say a card was created", client.ServerInstructions ?? "", StringComparison.Ordinal);
        Assert.Subset(tools.Select(tool => tool.Name).ToHashSet(), new HashSet<string> { "propose_cards", "list_proposals", "revise_proposal", "approve_proposals", "reject_proposals" });
        Assert.DoesNotContain(tools, tool => tool.Name.Contains("add", StringComparison.Ordinal));
        McpClientTool list = tools.Single(tool => tool.Name == "list_proposals");
        Assert.Equal((true, true), (list.ProtocolTool.Annotations?.ReadOnlyHint, list.ProtocolTool.Annotations?.IdempotentHint));
        Assert.Equal(false, tools.Single(tool => tool.Name == "propose_cards").ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task ProposeListReviseApproveReject_FollowsThePersonsDecisions()
    {
        await using McpClient client = await StartServerAsync();

        JsonElement proposed = await client.CallAsync("propose_cards", Rust(), Ct);
        long batch = proposed.GetProperty("proposal").GetProperty("batch_id").GetInt64();
        Assert.Equal([1, 2, 3, 4], proposed.GetProperty("proposal").GetProperty("cards").EnumerateArray().Select(card => card.GetProperty("number").GetInt32()));

        JsonElement revised = await client.CallAsync("revise_proposal",
            Args(("number", 4), ("changes", new { answer = "An exclusive borrow: nobody else may read or write meanwhile." })), Ct);
        Assert.Equal(2, revised.GetProperty("card").GetProperty("revision").GetInt32());
        Assert.Equal("What does `&mut` give you?", revised.GetProperty("card").GetProperty("fields").GetProperty("Question").GetString());

        JsonElement approved = await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1, 2, 4))), Ct);
        JsonElement rejected = await client.CallAsync("reject_proposals", Args(("numbers", Numbers(3)), ("reason", "I never make that mistake")), Ct);
        JsonElement open = await client.CallAsync("list_proposals", Args(("batch_id", batch), ("state", "all")), Ct);

        Assert.Equal([1, 2, 4], approved.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Contains("create_approved_cards", approved.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([3], rejected.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
        JsonElement[] cards = [.. open.GetProperty("batches")[0].GetProperty("cards").EnumerateArray()];
        Assert.Equal(["approved", "approved", "rejected", "approved"], cards.Select(card => card.GetProperty("state").GetString()));
        Assert.Equal("I never make that mistake", cards[2].GetProperty("rejection_reason").GetString());

        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        Assert.All(await store.TransitionsAsync(batch, cancellationToken: Ct), transition => Assert.Equal(ProposalActor.Assistant, transition.Actor));
        Assert.Equal(2, (await store.RevisionsAsync(batch, 4, Ct)).Count);
    }

    [Fact]
    public async Task BadInput_GetsErrorsTheAssistantCanActOn()
    {
        await using McpClient client = await StartServerAsync();

        string noneYet = await client.CallFailingAsync("approve_proposals", Args(("all", true)), Ct);
        string badCloze = await client.CallFailingAsync("propose_cards",
            Args(("lesson", "x"), ("cards", new object[] { new { kind = "cloze", deck = "Rust", text = "No deletion here." } })), Ct);
        string badKind = await client.CallFailingAsync("propose_cards",
            Args(("lesson", "x"), ("cards", new object[] { new { kind = "essay", deck = "Rust", text = "x" } })), Ct);
        string wrongField = await client.CallFailingAsync("propose_cards",
            Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = "Rust", question = "q", answer = "a", chain = "c" } })), Ct);
        await client.CallAsync("propose_cards", Rust(), Ct);
        string ambiguous = await client.CallFailingAsync("approve_proposals", Args(), Ct);
        string unknownNumber = await client.CallFailingAsync("approve_proposals", Args(("numbers", Numbers(9))), Ct);
        string missingLesson = await client.CallFailingAsync("propose_cards", Args(("cards", new object[] { new { kind = "basic", deck = "Rust", question = "q", answer = "a" } })), Ct);
        string numbersAsText = await client.CallFailingAsync("approve_proposals", Args(("numbers", "one and three")), Ct);

        Assert.Contains("Nothing was proposed in this session. Call propose_cards first.", noneYet, StringComparison.Ordinal);
        Assert.Contains("must hide at least one term as {{c1::term}}", badCloze, StringComparison.Ordinal);
        Assert.Contains("kind 'essay' is unknown; use one of basic, cloze, why, error", badKind, StringComparison.Ordinal);
        Assert.Contains("a basic card does not use chain", wrongField, StringComparison.Ordinal);
        Assert.Contains("either the card numbers the person named or all=true", ambiguous, StringComparison.Ordinal);
        Assert.Contains("there is no card 9", unknownNumber, StringComparison.Ordinal);
        Assert.Contains("Invalid arguments for propose_cards", missingLesson, StringComparison.Ordinal);
        Assert.Contains("'lesson'", missingLesson, StringComparison.Ordinal);
        Assert.Contains("Invalid arguments for approve_proposals", numbersAsText, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(4, 0, 0, 0), await store.CountsAsync(Ct));
    }

    [Fact]
    public async Task Propose_FlagsDuplicatesOfPendingProposalsAndWithinTheBatch()
    {
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Rust(), Ct);

        JsonElement again = await client.CallAsync("propose_cards", Args(("lesson", "review"), ("cards", new object[]
        {
            new { kind = "cloze", deck = "Programming::Rust", text = "a rust VALUE has exactly one {{c1::owner}} at a time" },
            new { kind = "basic", deck = "Programming::Rust", question = "What is a slice?", answer = "A view into a sequence." },
            new { kind = "basic", deck = "Programming::Rust", question = "What is a *slice*?", answer = "A borrowed view." },
        })), Ct);

        JsonElement[] duplicates = [.. again.GetProperty("possible_duplicates").EnumerateArray()];
        Assert.Equal([1, 3], duplicates.Select(d => d.GetProperty("number").GetInt32()));
        Assert.Equal("pending card 1 of batch 1", duplicates[0].GetProperty("where").GetString());
        Assert.Equal("card 2 of this proposal", duplicates[1].GetProperty("where").GetString());
    }

    [Fact]
    public async Task ReviewerPolicy_RefusesTheAssistantsApproval()
    {
        await using McpClient client = await StartServerAsync("reviewer");
        await client.CallAsync("propose_cards", Rust(), Ct);

        string refusal = await client.CallFailingAsync("approve_proposals", Args(("all", true)), Ct);

        Assert.Contains("The approval policy is 'reviewer': only the person approves", refusal, StringComparison.Ordinal);
        Assert.Contains("Ask the person to approve in a terminal with `ankimcp review`", refusal, StringComparison.Ordinal);
        Assert.Contains("Approval policy here: reviewer", client.ServerInstructions ?? "", StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(4, 0, 0, 0), await store.CountsAsync(Ct));
    }

    [Fact]
    public async Task PendingProposals_AreReadableAsAResource()
    {
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("reject_proposals", Args(("numbers", Numbers(2))), Ct);

        ModelContextProtocol.Protocol.ReadResourceResult resource = await client.ReadResourceAsync("ankimcp://proposals/pending", cancellationToken: Ct);

        string json = Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(resource.Contents.Single()).Text;
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal([1, 3, 4], document.RootElement[0].GetProperty("cards").EnumerateArray().Select(card => card.GetProperty("number").GetInt32()));
    }
}
