using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Tests.Cli;
using AnkiMcp.Tests.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

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

    // Issue 12.8: under 'reviewer' the person approves in the terminal and creates there too, without the assistant.
    [Fact]
    public async Task ReviewerPolicy_ThePersonCreatesWhatTheyApprovedInTheTerminal()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using (McpClient client = await StartServerAsync("reviewer"))
            await client.CallAsync("propose_cards", Rust(), Ct);
        (int reviewed, string review, _) = await CliRunner.RunAsync(["review", "--collection", Collection], "a\nr\n\na\ns\n", cancellationToken: Ct);

        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["create", "--collection", Collection, "--anki-url", anki.Url.ToString(), "--json"], cancellationToken: Ct);
        (int again, _, string nothingLeft) = await CliRunner.RunAsync(["create", "--collection", Collection, "--anki-url", anki.Url.ToString()], cancellationToken: Ct);

        Assert.Equal(0, reviewed);
        Assert.Contains("`ankimcp create`", review, StringComparison.Ordinal);
        Assert.True(exitCode == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal([1, 3], json.RootElement.GetProperty("created").EnumerateArray().Select(card => card.GetProperty("number").GetInt32()));
        Assert.All(json.RootElement.GetProperty("created").EnumerateArray(), card => Assert.True(card.GetProperty("reachedAnki").GetBoolean()));
        Assert.Contains("They are in Anki now", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        MarkdownNote[] notes = [.. Assert.Single(MarkdownCollection.Load(Collection).Decks).Notes];
        Assert.Equal(json.RootElement.GetProperty("created").EnumerateArray().Select(card => card.GetProperty("noteKey").GetString()), notes.Select(note => note.Key));
        Assert.Equal(2, anki.Inspect(collection => collection.Notes.Count));
        Assert.Equal(1, again);
        Assert.Contains("No approved cards to create", nothingLeft, StringComparison.Ordinal);
        Assert.Contains("`ankimcp review`", nothingLeft, StringComparison.Ordinal);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        IReadOnlyList<ProposalTransition> created = [.. (await store.TransitionsAsync(1, cancellationToken: Ct)).Where(t => t.To == ProposalState.Created)];
        Assert.Equal(2, created.Count);
        Assert.All(created, transition => Assert.Equal(ProposalActor.TerminalReview, transition.Actor));
    }

    [Fact]
    public async Task Create_WithAnkiAway_WritesTheDeckFilesAndSaysTheNextSyncTakesThem()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        await using (McpClient client = await StartServerAsync("reviewer"))
            await client.CallAsync("propose_cards", Rust(), Ct);
        await store.ApproveAsync(1, [4], ProposalActor.TerminalReview, cancellationToken: Ct);

        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["create", "--collection", Collection, "--anki-url", ServerLauncher.UnreachableAnki], cancellationToken: Ct);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Created 1 card in the Markdown deck files", stdout, StringComparison.Ordinal);
        Assert.Contains("next sync", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
        Assert.Equal("What does `&mut` give you?", Assert.Single(Assert.Single(MarkdownCollection.Load(Collection).Decks).Notes).Fields["Question"]);
    }

    [Fact]
    public async Task CreateJson_HoldsTheTextAsWritten()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        await using (McpClient client = await StartServerAsync("reviewer"))
            await client.CallAsync("propose_cards", Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = "言語::日本語", question = "「猫」は?", answer = "cat" } })), Ct);
        await store.ApproveAsync(1, [1], ProposalActor.TerminalReview, cancellationToken: Ct);

        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["create", "--collection", Collection, "--anki-url", ServerLauncher.UnreachableAnki, "--json"], cancellationToken: Ct);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("\"deck\": \"言語::日本語\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalEdit_ThatWouldBreakTheDeckFile_IsNotSaved()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);
        await using (McpClient client = await StartServerAsync("reviewer"))
            await client.CallAsync("propose_cards", Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = "Rust", question = "Q?", answer = "A." } })), Ct);

        (int exitCode, string stdout, _) = await CliRunner.RunAsync(["review", "--collection", Collection], "e\n\nA.\\n<!-- note_key: 0123456789ab -->\n\nq\n", cancellationToken: Ct);

        Assert.Equal(0, exitCode);
        Assert.Contains("note_key", stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved; edit the card again.", stdout, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await store.ListAsync(cancellationToken: Ct)).Revision);
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
