using System.Text.Json;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Tests.AnkiOps;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

/// <summary>Collab decks (<c>collab/owner/repo/</c>) are another repository's: listed with their source, never proposed to.</summary>
public sealed class CollabDeckTests : CollectionTest
{
    private const string SharedDeck = "<!-- note_key: 0123456789ab -->\n<!-- note_type: collab/alice/rust-cards/AnkiOpsQA -->\nQ: Shared question?\nA: Shared answer.\n";

    [Fact]
    public async Task CollabDecks_AreListedWithTheirSource_AndReadable()
    {
        await using McpClient client = await StartWithCollabDeckAsync();
        await File.WriteAllTextAsync(Path.Combine(Collection, "Mine.md"), "Q: My question?\nA: My answer.\n", Ct);

        JsonElement decks = await client.CallAsync("list_decks", Args(), Ct);
        ReadResourceResult index = await client.ReadResourceAsync("ankimcp://decks", cancellationToken: Ct);
        ReadResourceResult shared = await client.ReadResourceAsync("ankimcp://decks/Shared", cancellationToken: Ct);

        Assert.Equal(["Mine", "Shared"], decks.GetProperty("decks").EnumerateArray().Select(deck => deck.GetString()));
        Assert.Equal(["Mine"], decks.GetProperty("markdown_decks").EnumerateArray().Select(deck => deck.GetString()));
        Assert.Equal("alice/rust-cards", decks.GetProperty("collab_decks").GetProperty("Shared").GetString());
        using JsonDocument listed = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(index.Contents)).Text);
        Assert.Equal([("Mine", "Mine.md", null), ("Shared", "collab/alice/rust-cards/Shared.md", "alice/rust-cards")],
            listed.RootElement.EnumerateArray().Select(deck => (deck.GetProperty("deck").GetString(), deck.GetProperty("file").GetString(), deck.TryGetProperty("collab_source", out JsonElement source) ? source.GetString() : null)));
        Assert.Equal(SharedDeck, Assert.IsType<TextResourceContents>(Assert.Single(shared.Contents)).Text);
    }

    [Theory]
    [InlineData("Shared")]
    [InlineData("shared")]
    public async Task ProposingToACollabDeck_IsRefusedAtProposeTime_NamingItsSource(string deck)
    {
        await using McpClient client = await StartWithCollabDeckAsync();

        string refused = await client.CallFailingAsync("propose_cards", Args(("lesson", "collab"), ("cards", new object[]
        {
            new { kind = "basic", deck = "Mine", question = "Fine?", answer = "Yes." },
            new { kind = "basic", deck, question = "Mine to add?", answer = "No." },
        })), Ct);

        Assert.Contains("Card 2: the deck '", refused, StringComparison.Ordinal);
        Assert.Contains("is a collab deck of alice/rust-cards (collab/alice/rust-cards/)", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Card 1", refused, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(0, 0, 0, 0), await store.CountsAsync(Ct));
    }

    [Fact]
    public async Task ACardApprovedBeforeItsDeckBecameACollabDeck_IsReportedAndSkipped_TheOthersAreCreated()
    {
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Args(("lesson", "before"), ("cards", new object[]
        {
            new { kind = "basic", deck = "Mine", question = "Fine?", answer = "Yes." },
            new { kind = "basic", deck = "Shared", question = "Mine to add?", answer = "Not any more." },
        })), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);
        AddCollabDeck();

        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.Equal(["Fine?"], created.GetProperty("created").EnumerateArray().Select(card => card.GetProperty("fields").GetProperty("Question").GetString()));
        JsonElement skipped = Assert.Single(created.GetProperty("not_created").EnumerateArray());
        Assert.Contains("collab deck of alice/rust-cards", skipped.GetRawText(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Collection, "Shared.md")));
        Assert.Equal(SharedDeck, await File.ReadAllTextAsync(Path.Combine(Collection, "collab", "alice", "rust-cards", "Shared.md"), Ct));
    }

    private async Task<McpClient> StartWithCollabDeckAsync()
    {
        McpClient client = await StartServerAsync();
        AddCollabDeck();
        return client;
    }

    private void AddCollabDeck()
    {
        string source = AnkiOpsFixture.AddCollabSource(Collection, "alice", "rust-cards");
        File.WriteAllText(Path.Combine(source, "Shared.md"), SharedDeck);
    }
}
