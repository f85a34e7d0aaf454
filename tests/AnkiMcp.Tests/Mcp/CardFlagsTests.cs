using System.Text.Json;
using AnkiMcp.Tests.Cli;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

/// <summary>Card-quality flags come back with every waiting card the tools report: advice the assistant acts on before
/// showing the card, never a block.</summary>
public sealed class CardFlagsTests : CollectionTest
{
    private static readonly object[] s_cards =
    [
        new { kind = "basic", deck = "Programming::Rust", question = "What does it return when the vector is empty?", answer = "`None`" },
        new { kind = "cloze", deck = "Programming::Rust", text = "In Rust, a value has exactly one {{c1::owner}} at a time." },
    ];

    [Fact]
    public async Task ProposeListAndRevise_ReportEachCardsFlags()
    {
        await using McpClient client = await StartServerAsync();

        JsonElement proposed = await client.CallAsync("propose_cards", Args(("lesson", "Rust"), ("cards", s_cards)), Ct);
        JsonElement[] cards = [.. proposed.GetProperty("proposal").GetProperty("cards").EnumerateArray()];
        JsonElement flag = Assert.Single(cards[0].GetProperty("flags").EnumerateArray());
        Assert.Equal("orphan-context", flag.GetProperty("rule").GetString());
        Assert.Equal("warning", flag.GetProperty("severity").GetString());
        Assert.Equal("The question asks about \"it\" without saying what it is.", flag.GetProperty("message").GetString());
        Assert.StartsWith("Replace \"it\"", flag.GetProperty("suggestion").GetString(), StringComparison.Ordinal);
        Assert.False(cards[1].TryGetProperty("flags", out _));

        JsonElement listed = await client.CallAsync("list_proposals", Args(), Ct);
        Assert.Equal("orphan-context", listed.GetProperty("batches")[0].GetProperty("cards")[0].GetProperty("flags")[0].GetProperty("rule").GetString());

        JsonElement revised = await client.CallAsync("revise_proposal",
            Args(("number", 1), ("changes", new { question = "In Rust, what does `Vec::pop` return on an empty vector?" })), Ct);
        Assert.False(revised.GetProperty("card").TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task ProposeAndRevise_FlagACardThatRepeatsAnother_ButNotTheCardItsOwnOldVersion()
    {
        await using McpClient client = await StartServerAsync();
        JsonElement first = await client.CallAsync("propose_cards", Args(("lesson", "Rust"), ("cards", s_cards)), Ct);
        long firstBatch = first.GetProperty("proposal").GetProperty("batch_id").GetInt64();

        JsonElement proposed = await client.CallAsync("propose_cards", Args(("lesson", "Rust again"), ("cards", new object[]
        {
            new { kind = "cloze", deck = "Programming::Rust", text = "In Rust, a value has one {{c1::owner}} at a time." },
            new { kind = "basic", deck = "Programming::Rust", question = "In Rust, which trait lets a value be printed with `{:?}`?", answer = "`Debug`" },
        })), Ct);
        long batch = proposed.GetProperty("proposal").GetProperty("batch_id").GetInt64();
        JsonElement[] cards = [.. proposed.GetProperty("proposal").GetProperty("cards").EnumerateArray()];
        JsonElement flag = Assert.Single(cards[0].GetProperty("flags").EnumerateArray());
        Assert.Equal("duplicate", flag.GetProperty("rule").GetString());
        Assert.Equal($"Says nearly the same as pending card 2 of batch {firstBatch}.", flag.GetProperty("message").GetString());
        Assert.False(cards[1].TryGetProperty("flags", out _));

        JsonElement reworded = await client.CallAsync("revise_proposal",
            Args(("batch_id", batch), ("number", 2), ("changes", new { question = "In Rust, which trait lets a value be printed with `{:?}` for debugging?" })), Ct);
        Assert.False(reworded.GetProperty("card").TryGetProperty("flags", out _));

        JsonElement repeated = await client.CallAsync("revise_proposal",
            Args(("batch_id", batch), ("number", 2), ("changes", new { kind = "cloze", text = "In Rust, a value has exactly one {{c1::owner}} at a time." })), Ct);
        flag = Assert.Single(repeated.GetProperty("card").GetProperty("flags").EnumerateArray());
        Assert.Equal($"Says the same as pending card 2 of batch {firstBatch}.", flag.GetProperty("message").GetString());
    }

    [Fact]
    public async Task FlaggedCards_CanStillBeApproved()
    {
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Args(("lesson", "Rust"), ("cards", s_cards)), Ct);

        JsonElement approved = await client.CallAsync("approve_proposals", Args(("all", true)), Ct);

        Assert.Equal([1, 2], approved.GetProperty("numbers").EnumerateArray().Select(number => number.GetInt32()));
    }

    [Fact]
    public async Task Review_ShowsTheFlagsUnderTheCard()
    {
        await using (McpClient client = await StartServerAsync("reviewer"))
            await client.CallAsync("propose_cards", Args(("lesson", "Rust"), ("cards", s_cards)), Ct);

        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["review", "--collection", Collection], "a\na\n", cancellationToken: Ct);

        Assert.True(exitCode == 0, stderr);
        string first = stdout[..stdout.IndexOf("2. [cloze]", StringComparison.Ordinal)];
        Assert.Contains("warning orphan-context: The question asks about \"it\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("orphan-context", stdout[first.Length..], StringComparison.Ordinal);
        Assert.Contains("Approved 2", stdout, StringComparison.Ordinal);
    }
}
