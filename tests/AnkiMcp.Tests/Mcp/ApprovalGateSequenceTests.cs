using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// Random sequences of assistant tool calls (propose, revise, approve, reject, create — valid or not) against the real
/// server, store, deck files and AnkiConnect emulator: whatever the assistant does, a card reaches the deck files or
/// Anki only in a revision that an approval allowed by the policy covered. Under 'reviewer', and under 'elicit' when the
/// person declines, nothing is ever created.
/// </summary>
public sealed class ApprovalGateSequenceTests : CollectionTest
{
    private const int Sequences = 12;
    private const int StepsPerSequence = 10;

    [Theory]
    [InlineData("conversation", 1)]
    [InlineData("reviewer", 2)]
    [InlineData("elicit", 3)]
    public async Task NoSequenceOfAssistantCalls_CreatesACardTheGateDidNotLetThrough(string policy, int seed)
    {
        await using Emulator anki = await Emulator.StartAsync();
        List<string> formsShown = [];
        McpClientOptions? person = policy == "elicit" ? ElicitationApprovalTests.AnsweringWith(false, formsShown) : null;
        await using McpClient client = await StartServerAsync(policy, anki.Url.ToString(), person);
        Random random = new(seed);
        HashSet<(long Batch, int Number, int Revision)> approvedByCalls = [];
        Dictionary<(long Batch, int Number), int> revisions = [];
        List<string> log = [];

        for (int sequence = 0; sequence < Sequences; sequence++)
        {
            long batch = await ProposeAsync(client, random, revisions, log);
            for (int step = 0; step < StepsPerSequence; step++)
                await RandomStepAsync(client, random, batch, revisions, approvedByCalls, log);
        }

        string trace = string.Join('\n', log);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        IReadOnlyList<Proposal> cards = await store.ListAsync(cancellationToken: Ct);
        Proposal[] passedGate = [.. cards.Where(card => card.State is ProposalState.Approved or ProposalState.Created)];
        Assert.All(passedGate, card => Assert.True(approvedByCalls.Contains((card.BatchId, card.Number, card.Revision)),
            $"card {card.Number} of batch {card.BatchId} r{card.Revision} is {card.State} without an allowed approval\n{trace}"));

        Dictionary<string, Proposal> created = cards.Where(card => card.State == ProposalState.Created).ToDictionary(card => card.NoteKey!);
        string[] keysInMarkdown = [.. MarkdownCollection.Load(Collection).Decks.SelectMany(deck => deck.Notes).Select(note => note.Key!)];
        string[] keysInAnki = anki.Inspect(collection => collection.Notes
            .Where(note => note.Model.Fields.Contains(NoteTypeDefinition.KeyFieldName))
            .Select(note => note[NoteTypeDefinition.KeyFieldName]).ToArray());
        Assert.Equal(created.Keys.Order(StringComparer.Ordinal), keysInMarkdown.Order(StringComparer.Ordinal));
        Assert.Equal(created.Keys.Order(StringComparer.Ordinal), keysInAnki.Order(StringComparer.Ordinal));

        if (policy == "conversation")
        {
            Assert.NotEmpty(created);
        }
        else
        {
            Assert.Empty(passedGate);
            Assert.Empty(keysInAnki);
            Assert.Equal(policy == "elicit", formsShown.Count > 0);
        }
    }

    private static async Task<long> ProposeAsync(McpClient client, Random random, Dictionary<(long, int), int> revisions, List<string> log)
    {
        int count = random.Next(1, 5);
        object[] cards = [.. Enumerable.Range(0, count).Select(_ => Card(random))];
        JsonElement result = await client.CallAsync("propose_cards", new Dictionary<string, object?> { ["lesson"] = "random", ["cards"] = cards }, Ct);
        long batch = result.GetProperty("proposal").GetProperty("batch_id").GetInt64();
        for (int number = 1; number <= count; number++)
            revisions[(batch, number)] = 1;
        log.Add($"propose {count} → batch {batch}");
        return batch;
    }

    private static async Task RandomStepAsync(McpClient client, Random random, long batch, Dictionary<(long, int), int> revisions,
        HashSet<(long, int, int)> approvedByCalls, List<string> log)
    {
        int number = random.Next(1, 6);
        int[] numbers = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 6)).Distinct()];
        bool all = random.Next(3) == 0;
        Dictionary<string, object?> decision = all ? new() { ["all"] = true } : new() { ["numbers"] = numbers };
        // Half the calls name the batch; the others leave it to the server, which picks this session's only open batch or refuses.
        bool named = random.Next(2) == 0;
        if (named)
            decision["batch_id"] = batch;
        switch (random.Next(5))
        {
            case 0:
                Dictionary<string, object?> revision = new() { ["number"] = number, ["changes"] = new { extra = $"note {random.Next()}" } };
                if (named)
                    revision["batch_id"] = batch;
                CallToolResult revised = await client.CallToolAsync("revise_proposal", revision, cancellationToken: Ct);
                if (revised.IsError != true && revised.StructuredContent is { } card)
                    revisions[(card.GetProperty("batch_id").GetInt64(), number)]++;
                log.Add($"revise {number}{(named ? $" of {batch}" : "")} → {(revised.IsError == true ? "error" : "ok")}");
                break;
            case 1:
                CallToolResult approved = await client.CallToolAsync("approve_proposals", decision, cancellationToken: Ct);
                if (approved.IsError != true && approved.StructuredContent is { } content)
                {
                    long approvedBatch = content.GetProperty("batch_id").GetInt64();
                    foreach (JsonElement approvedNumber in content.GetProperty("numbers").EnumerateArray())
                        approvedByCalls.Add((approvedBatch, approvedNumber.GetInt32(), revisions[(approvedBatch, approvedNumber.GetInt32())]));
                }

                log.Add($"approve {(all ? "all" : string.Join(',', numbers))}{(named ? $" of {batch}" : "")} → {(approved.IsError == true ? "error" : "ok")}");
                break;
            case 2:
                CallToolResult rejected = await client.CallToolAsync("reject_proposals", decision, cancellationToken: Ct);
                log.Add($"reject {(all ? "all" : string.Join(',', numbers))}{(named ? $" of {batch}" : "")} → {(rejected.IsError == true ? "error" : "ok")}");
                break;
            default:
                CallToolResult created = await client.CallToolAsync("create_approved_cards", new Dictionary<string, object?>(), cancellationToken: Ct);
                log.Add($"create → {(created.IsError == true ? "error" : "ok")}");
                break;
        }
    }

    private static object Card(Random random) => random.Next(4) switch
    {
        0 => new { kind = "basic", deck = "Gate::Basic", question = $"Question {random.Next()}?", answer = "Answer" },
        1 => new { kind = "cloze", deck = "Gate::Cloze", text = $"Term {random.Next()} is {{{{c1::hidden}}}}." },
        2 => new { kind = "why", deck = "Gate", question = $"Why {random.Next()}?", chain = "a → b → c" },
        _ => new { kind = "error", deck = "Gate", broken = $"x = {random.Next()}", fix = "y", why = "z" },
    };
}
