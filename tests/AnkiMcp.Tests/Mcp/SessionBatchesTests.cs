using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// Batches belong to the session that proposed them: two assistants on one collection — two stdio server processes, or
/// two sessions of one HTTP server — each decide on their own batches unless the person names another's by id.
/// </summary>
public sealed class SessionBatchesTests : CollectionTest
{
    [Theory]
    [InlineData("stdio")]
    [InlineData("http")]
    public async Task TwoSessionsAtOnce_EachApprovesAndCreatesOnlyItsOwnBatchWithoutABatchId(string transport)
    {
        await using TwoSessions sessions = await TwoSessions.OpenAsync(transport, Collection);
        long batchA = BatchId(await sessions.A.CallAsync("propose_cards", Lesson("A"), Ct));
        long batchB = BatchId(await sessions.B.CallAsync("propose_cards", Lesson("B"), Ct));

        // "approve 1", as the person says it to assistant A, while B's batch is the newest.
        JsonElement approvedByA = await sessions.A.CallAsync("approve_proposals", Args(("numbers", Numbers(1))), Ct);
        await sessions.B.CallAsync("approve_proposals", Args(("all", true)), Ct);
        JsonElement createdByA = await sessions.A.CallAsync("create_approved_cards", Args(), Ct);

        Assert.Equal(batchA, approvedByA.GetProperty("batch_id").GetInt64());
        Assert.Equal(["A: question 1?"], createdByA.GetProperty("created").EnumerateArray().Select(card => card.GetProperty("fields").GetProperty("Question").GetString()));
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal([ProposalState.Created, ProposalState.Pending], (await store.ListAsync(batchA, cancellationToken: Ct)).Select(card => card.State));
        Assert.Equal([ProposalState.Approved, ProposalState.Approved], (await store.ListAsync(batchB, cancellationToken: Ct)).Select(card => card.State));

        string nothingForA = await sessions.A.CallFailingAsync("create_approved_cards", Args(), Ct);
        Assert.Contains("No approved cards to create; nothing was written.", nothingForA, StringComparison.Ordinal);
        JsonElement createdByB = await sessions.B.CallAsync("create_approved_cards", Args(), Ct);
        Assert.Equal(2, createdByB.GetProperty("created").GetArrayLength());
        Assert.Equal(3, MarkdownCollection.Load(Collection).Decks.Sum(deck => deck.Notes.Count));

        JsonElement listedByA = await sessions.A.CallAsync("list_proposals", Args(("state", "all")), Ct);
        Assert.Equal([(batchA, true), (batchB, false)], listedByA.GetProperty("batches").EnumerateArray()
            .Select(batch => (batch.GetProperty("batch_id").GetInt64(), batch.GetProperty("proposed_here").GetBoolean())));
    }

    [Theory]
    [InlineData("stdio")]
    [InlineData("http")]
    public async Task AnotherSessionsBatch_IsDecidedOnOnlyByItsId(string transport)
    {
        await using TwoSessions sessions = await TwoSessions.OpenAsync(transport, Collection);
        long batchA = BatchId(await sessions.A.CallAsync("propose_cards", Lesson("A"), Ct));

        string nothingHere = await sessions.B.CallFailingAsync("approve_proposals", Args(("all", true)), Ct);
        JsonElement rejectedById = await sessions.B.CallAsync("reject_proposals", Args(("numbers", Numbers(2)), ("batch_id", batchA)), Ct);
        JsonElement approvedById = await sessions.B.CallAsync("approve_proposals", Args(("numbers", Numbers(1)), ("batch_id", batchA)), Ct);
        JsonElement createdById = await sessions.B.CallAsync("create_approved_cards", Args(("batch_id", batchA)), Ct);

        Assert.Contains("Nothing was proposed in this session.", nothingHere, StringComparison.Ordinal);
        Assert.Contains($"batch {batchA} 'lesson A' (2 pending)", nothingHere, StringComparison.Ordinal);
        Assert.Contains("only when the person named that batch", nothingHere, StringComparison.Ordinal);
        Assert.Equal([2], rejectedById.GetProperty("numbers").EnumerateArray().Select(number => number.GetInt32()));
        Assert.Equal([1], approvedById.GetProperty("numbers").EnumerateArray().Select(number => number.GetInt32()));
        Assert.Equal(1, createdById.GetProperty("created").GetArrayLength());
    }

    [Theory]
    [InlineData("stdio")]
    [InlineData("http")]
    public async Task SeveralOpenBatches_WithoutABatchId_AreListedToChooseFromAndNothingChanges(string transport)
    {
        await using TwoSessions sessions = await TwoSessions.OpenAsync(transport, Collection);
        long first = BatchId(await sessions.A.CallAsync("propose_cards", Lesson("A"), Ct));
        long second = BatchId(await sessions.A.CallAsync("propose_cards", Lesson("A2"), Ct));
        await sessions.B.CallAsync("propose_cards", Lesson("B"), Ct);

        string approve = await sessions.A.CallFailingAsync("approve_proposals", Args(("numbers", Numbers(1))), Ct);
        string reject = await sessions.A.CallFailingAsync("reject_proposals", Args(("all", true)), Ct);
        string revise = await sessions.A.CallFailingAsync("revise_proposal", Args(("number", 1), ("changes", new { answer = "changed" })), Ct);
        string noSuchBatch = await sessions.A.CallFailingAsync("approve_proposals", Args(("all", true), ("batch_id", 999)), Ct);
        string noSuchBatchToCreate = await sessions.A.CallFailingAsync("create_approved_cards", Args(("batch_id", 999)), Ct);

        string choices = $"batch {first} 'lesson A' (2 pending); batch {second} 'lesson A2' (2 pending)";
        Assert.Contains($"2 batches proposed here have cards to approve: {choices}.", approve, StringComparison.Ordinal);
        Assert.Contains("Ask the person which batch they mean, then call again with its batch_id.", approve, StringComparison.Ordinal);
        Assert.Contains($"have cards to reject: {choices}", reject, StringComparison.Ordinal);
        Assert.Contains($"have cards to revise: {choices}", revise, StringComparison.Ordinal);
        Assert.Contains("There is no batch 999.", noSuchBatch, StringComparison.Ordinal);
        Assert.Contains("There is no batch 999.", noSuchBatchToCreate, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(6, 0, 0, 0), await store.CountsAsync(Ct));
        Assert.All(await store.ListAsync(cancellationToken: Ct), card => Assert.Equal(1, card.Revision));
    }

    private static Dictionary<string, object?> Lesson(string name) => new()
    {
        ["lesson"] = $"lesson {name}",
        ["cards"] = new object[]
        {
            new { kind = "basic", deck = "Sessions", question = $"{name}: question 1?", answer = "one" },
            new { kind = "basic", deck = "Sessions", question = $"{name}: question 2?", answer = "two" },
        },
    };

    private static long BatchId(JsonElement proposed) => proposed.GetProperty("proposal").GetProperty("batch_id").GetInt64();

    /// <summary>Two assistants on one collection: two server processes over stdio, or two sessions of one HTTP server.</summary>
    private sealed class TwoSessions : IAsyncDisposable
    {
        private readonly HttpTestServer? _http;

        private TwoSessions(McpClient a, McpClient b, HttpTestServer? http)
        {
            A = a;
            B = b;
            _http = http;
        }

        public McpClient A { get; }

        public McpClient B { get; }

        public static async Task<TwoSessions> OpenAsync(string transport, string collection)
        {
            if (transport == "stdio")
            {
                McpClient[] clients = await Task.WhenAll(
                    ServerLauncher.StartStdioAsync(collection, cancellationToken: Ct),
                    ServerLauncher.StartStdioAsync(collection, cancellationToken: Ct));
                return new TwoSessions(clients[0], clients[1], null);
            }

            HttpTestServer http = await HttpTestServer.StartInProcessAsync(collection, cancellationToken: Ct);
            return new TwoSessions(await http.ConnectAsync(cancellationToken: Ct), await http.ConnectAsync(cancellationToken: Ct), http);
        }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            if (_http is not null)
                await _http.DisposeAsync();
        }
    }
}
