using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.Rendering;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// propose_cards checks what create_approved_cards will: a card the person approves can be created. What would strand a
/// card (a deck name no file can carry, text that breaks its deck file, sizes beyond the limits) is refused when it is
/// proposed, with the reason, and nothing is stored.
/// </summary>
public sealed class ProposeTimeChecksTests : CollectionTest
{
    public static TheoryData<string, string> RefusedDeckNames => new()
    {
        { ".hidden", "hidden file" },
        { "../../x", "hidden file" },
        { ".git", "hidden file" },
        { "..Dots", "hidden file" },
        { "CON", "Windows reserves" },
        { "LPT1.backup", "Windows reserves" },
        { "A::..::B", "'.'/'..' part" },
        { "A::::B", "empty level" },
        { "Trailing.", "Windows reserves" },
        { "README", "documentation, not decks" },
        { new string('x', 300), "is longer than" },
        { string.Join("::", Enumerable.Repeat("日本語の単語", 12)), "Shorten the deck name" },
    };

    [Theory]
    [MemberData(nameof(RefusedDeckNames))]
    public Task AHostileDeckName_IsRefusedAtProposeTime_AndNothingIsStored(string deck, string reason)
        => AssertRefusedAsync(Basic(deck, "What is it?", "This."), reason);

    [Fact]
    public async Task DeckNamesFileSystemsCanCarry_AreCreatedAndSyncedToAnki()
    {
        string[] decks = ["Bio: Cells?", "Notes/2024", "A%20B", "Ünïcode::日本語", "Back\\slash", "Pipes | and <angles>*", "CONSOLE", "con::Sub", "Dots...x"];
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());

        await client.CallAsync("propose_cards", Args(("lesson", "decks"), ("cards", decks.Select((deck, index) =>
            (object)new { kind = "basic", deck, question = $"Question {index}?", answer = "Answer." }).ToArray())), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);
        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);
        JsonElement synced = await client.CallAsync("sync", Args(("dry_run", true)), Ct);

        Assert.True(created.GetProperty("all_in_anki").GetBoolean(), created.GetProperty("message").GetString());
        Assert.Equal(0, created.GetProperty("not_created").GetArrayLength());
        Assert.Equal(decks.Order(StringComparer.Ordinal), MarkdownCollection.Load(Collection).Decks.Select(deck => deck.DeckName).Order(StringComparer.Ordinal));
        Assert.Equal(decks.Order(StringComparer.Ordinal), anki.Inspect(collection => collection.Cards.Select(card => card.Deck.Name).ToArray()).Order(StringComparer.Ordinal));
        Assert.Equal(0, synced.GetProperty("changes").GetArrayLength());
    }

    public static TheoryData<string, string> TextThatWouldBreakTheDeckFile => new()
    {
        { "An answer.\n<!-- note_key: 0123456789ab -->", "note_key" },
        { "Unclosed:\n```rust\nlet x = 1;", "Answer" },
        { string.Concat(Enumerable.Repeat("> ", 200)) + "quoted too deep", "Answer cannot be rendered for Anki" },
    };

    [Theory]
    [MemberData(nameof(TextThatWouldBreakTheDeckFile))]
    public Task TextThatWouldBreakTheDeckFile_IsRefusedWithTheReason(string answer, string reason)
        => AssertRefusedAsync(Basic("Rust", "What is it?", answer), reason);

    [Fact]
    public async Task TextThatLooksLikeDeckFileSyntax_IsEscaped_AndCreatedAsTheOneNoteProposed()
    {
        string[] answers =
        [
            "The first answer.\n\n---\n\nQ: A second question?\nA: Smuggled in.",
            "A: an answer given twice",
            "```text\nQ: inside a fence\n```",
        ];
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Args(("lesson", "syntax"), ("cards", answers.Select((answer, index) =>
            (object)new { kind = "basic", deck = "Syntax", question = $"Question {index}?", answer }).ToArray())), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);

        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.Equal(3, created.GetProperty("created").GetArrayLength());
        MarkdownNote[] notes = [.. Assert.Single(MarkdownCollection.Load(Collection).Decks).Notes];
        Assert.Equal(["Question 0?", "Question 1?", "Question 2?"], notes.Select(note => note.Fields["Question"]));
        Assert.Equal(answers.Select(AnkiHtmlRenderer.ToHtml), notes.Select(note => AnkiHtmlRenderer.ToHtml(note.Fields["Answer"])));
        Assert.Equal(answers[1..], notes[1..].Select(note => note.Fields["Answer"]));
    }

    [Fact]
    public async Task ARevisionThatWouldBreakTheDeckFile_IsRefused_AndTheCardKeepsItsText()
    {
        await using McpClient client = await StartServerAsync();
        await client.CallAsync("propose_cards", Basic("Rust", "What is it?", "This."), Ct);

        string refused = await client.CallFailingAsync("revise_proposal",
            Args(("number", 1), ("changes", new { answer = "x\n<!-- note_key: 0123456789ab -->" })), Ct);
        string refusedDeck = await client.CallFailingAsync("revise_proposal", Args(("number", 1), ("changes", new { deck = ".git" })), Ct);

        Assert.Contains("note_key", refused, StringComparison.Ordinal);
        Assert.Contains("hidden file", refusedDeck, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Proposal card = Assert.Single(await store.ListAsync(cancellationToken: Ct));
        Assert.Equal((1, "Rust", "This."), (card.Revision, card.Draft.Deck, card.Draft.Fields["Answer"]));
    }

    [Fact]
    public async Task ADeckNameDifferingOnlyByCase_FromTheCollectionsOrTheBatchs_IsRefusedNamingTheDeck()
    {
        Directory.CreateDirectory(Collection);
        await using McpClient client = await StartServerAsync();
        await File.WriteAllTextAsync(Path.Combine(Collection, "Programming__Rust.md"), "Q: What is it?\nA: This.\n", Ct);

        string refused = await client.CallFailingAsync("propose_cards", Args(("lesson", "case"), ("cards", new object[]
        {
            new { kind = "basic", deck = "programming::rust", question = "One?", answer = "1" },
            new { kind = "basic", deck = "Go", question = "Two?", answer = "2" },
            new { kind = "basic", deck = "GO", question = "Three?", answer = "3" },
        })), Ct);

        Assert.Contains("Card 1: the collection has the deck 'Programming::Rust'", refused, StringComparison.Ordinal);
        Assert.Contains("Card 3: card 2 has the deck 'Go'", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Card 2", refused, StringComparison.Ordinal);
        await AssertNothingProposedAsync();
    }

    [Fact]
    public async Task SizesBeyondTheLimits_AreRefusedWithTheLimit_HugeTextIsNotEchoed()
    {
        await using McpClient client = await StartServerAsync();

        string brackets = await client.CallFailingAsync("propose_cards", Basic("Rust", "What is it?", new string('[', 100_000)), Ct);
        string longField = await client.CallFailingAsync("propose_cards", Basic("Rust", "What is it?", new string('x', ProposalLimits.FieldLength + 1)), Ct);
        string tooMany = await client.CallFailingAsync("propose_cards", Args(("lesson", "many"), ("cards", Enumerable.Range(1, ProposalLimits.CardsPerBatch + 1)
            .Select(number => (object)new { kind = "basic", deck = "Rust", question = $"Q{number}?", answer = "A." }).ToArray())), Ct);
        string tooMuch = await client.CallFailingAsync("propose_cards", Args(("lesson", "much"), ("cards", Enumerable.Range(1, 20)
            .Select(number => (object)new { kind = "basic", deck = "Rust", question = $"Q{number}?", answer = new string('y', ProposalLimits.FieldLength) }).ToArray())), Ct);
        string badKind = await client.CallFailingAsync("propose_cards",
            Args(("lesson", "x"), ("cards", new object[] { new { kind = new string('k', 10_000), deck = "Rust", question = "q", answer = "a" } })), Ct);

        Assert.Contains("Answer is 100,000 characters long; a field holds at most 20,000", brackets, StringComparison.Ordinal);
        Assert.Contains($"at most {ProposalLimits.FieldLength:N0}", longField, StringComparison.Ordinal);
        Assert.Contains($"A batch holds at most {ProposalLimits.CardsPerBatch} cards; this one has {ProposalLimits.CardsPerBatch + 1}", tooMany, StringComparison.Ordinal);
        Assert.Contains($"a batch holds at most {ProposalLimits.BatchLength:N0}", tooMuch, StringComparison.Ordinal);
        Assert.Contains("is unknown; use one of basic", badKind, StringComparison.Ordinal);
        Assert.All([brackets, longField, tooMany, tooMuch, badKind], message => Assert.True(message.Length < 1_000, message));
        await AssertNothingProposedAsync();
    }

    [Fact]
    public async Task TextJustUnderTheLimits_IsProposed_AndEchoedShortened()
    {
        await using McpClient client = await StartServerAsync();
        string answer = string.Concat(Enumerable.Repeat("A sentence of words. ", ProposalLimits.FieldLength / 21)).TrimEnd();

        JsonElement proposed = await client.CallAsync("propose_cards", Basic("Rust", "What is it?", answer), Ct);
        JsonElement listed = await client.CallAsync("list_proposals", Args(), Ct);

        string echoed = proposed.GetProperty("proposal").GetProperty("cards")[0].GetProperty("fields").GetProperty("Answer").GetString()!;
        Assert.StartsWith(answer[..CardViewEchoLength], echoed, StringComparison.Ordinal);
        Assert.Contains($"{answer.Length - CardViewEchoLength:N0} more characters", echoed, StringComparison.Ordinal);
        Assert.Equal(answer, listed.GetProperty("batches")[0].GetProperty("cards")[0].GetProperty("fields").GetProperty("Answer").GetString());
    }

    private const int CardViewEchoLength = 500;

    private static Dictionary<string, object?> Basic(string deck, string question, string answer) =>
        Args(("lesson", "checks"), ("cards", new object[] { new { kind = "basic", deck, question, answer } }));

    // Refused with the reason, briefly, and nothing stored.
    private async Task AssertRefusedAsync(Dictionary<string, object?> arguments, string reason)
    {
        await using McpClient client = await StartServerAsync();

        string refused = await client.CallFailingAsync("propose_cards", arguments, Ct);

        Assert.Contains("Card 1", refused, StringComparison.Ordinal);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
        Assert.True(refused.Length < 1_000, refused);
        await AssertNothingProposedAsync();
    }

    private async Task AssertNothingProposedAsync()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(0, 0, 0, 0), await store.CountsAsync(Ct));
    }
}
