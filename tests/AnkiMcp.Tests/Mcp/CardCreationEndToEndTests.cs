using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

public sealed class CardCreationEndToEndTests : CollectionTest
{
    // The smoke test of the real executable, over each transport an assistant uses.
    [Theory]
    [InlineData("stdio")]
    [InlineData("http")]
    public async Task WholeLoop_ThroughTheExecutable_AnkiAndTheDeckFileHoldExactlyTheApprovedCards(string transport)
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using HttpTestServer? http = transport == "http" ? await HttpTestServer.StartProcessAsync(Collection, ankiUrl: anki.Url.ToString(), cancellationToken: Ct) : null;
        await using McpClient client = http is null
            ? await ServerLauncher.StartStdioAsync(Collection, ankiUrl: anki.Url.ToString(), cancellationToken: Ct)
            : await http.ConnectAsync(cancellationToken: Ct);

        await client.CallAsync("propose_cards", Rust(), Ct);
        JsonElement listed = await client.CallAsync("list_proposals", Args(), Ct);
        Assert.Equal(4, listed.GetProperty("batches")[0].GetProperty("cards").GetArrayLength());
        await client.CallAsync("revise_proposal", Args(("number", 4), ("changes", new { answer = "An exclusive borrow." })), Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1, 2, 4))), Ct);
        await client.CallAsync("reject_proposals", Args(("numbers", Numbers(3)), ("reason", "known")), Ct);
        anki.ResetCounters();

        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.True(created.GetProperty("all_in_anki").GetBoolean());
        Assert.Contains("They are in Anki now", created.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, anki.ActionCount("addNotes"));
        Dictionary<string, string> keys = created.GetProperty("created").EnumerateArray()
            .ToDictionary(card => card.GetProperty("note_key").GetString()!, card => card.GetProperty("kind").GetString()!);
        Assert.Equal(["cloze", "why", "basic"], keys.Values);
        (string Key, string Model, string First)[] inAnki = anki.Inspect(collection => collection.Notes
            .Where(note => note.Model.Fields.Contains(NoteTypeDefinition.KeyFieldName))
            .Select(note => (note[NoteTypeDefinition.KeyFieldName], note.Model.Name, note.Values[0])).ToArray());
        Assert.Equal(keys.Keys.Order(StringComparer.Ordinal), inAnki.Select(note => note.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["AnkiMcpCloze", "AnkiMcpQA", "AnkiMcpWhy"], inAnki.Select(note => note.Model).Order(StringComparer.Ordinal));
        Assert.Contains(anki.Inspect(collection => collection.Notes.Select(note => string.Join('|', note.Values)).ToArray()),
            values => values.Contains("An exclusive borrow.", StringComparison.Ordinal));

        MarkdownNote[] inMarkdown = [.. MarkdownCollection.Load(Collection).Decks.Single(deck => deck.DeckName == "Programming::Rust").Notes];
        Assert.Equal(keys.Keys, inMarkdown.Select(note => note.Key!));
        Assert.Equal("An exclusive borrow.", inMarkdown[2].Fields["Answer"]);
        Assert.DoesNotContain(inMarkdown, note => note.NoteTypeName == "AnkiMcpError");

        JsonElement again = await client.CallAsync("list_proposals", Args(("state", "all")), Ct);
        Assert.Equal(["created", "created", "rejected", "created"],
            again.GetProperty("batches")[0].GetProperty("cards").EnumerateArray().Select(card => card.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task CreateBeforeApproval_FailsAndWritesNothing()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);
        anki.ResetCounters();

        string error = await client.CallFailingAsync("create_approved_cards", Args(), Ct);

        Assert.Contains("No approved cards", error, StringComparison.Ordinal);
        Assert.Contains("4 cards are pending", error, StringComparison.Ordinal);
        Assert.Empty(MarkdownCollection.DeckFilePaths(Collection));
        Assert.Equal(0, anki.ActionCount("addNotes"));
        Assert.Empty(anki.Inspect(collection => collection.Notes.ToArray()));
    }

    [Fact]
    public async Task AnkiDownAtCreate_CardsLandInMarkdownAndTheNextSyncPushesThem()
    {
        await using Emulator anki = await Emulator.StartAsync();
        anki.RefuseConnections();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);

        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.False(created.GetProperty("all_in_anki").GetBoolean());
        string message = created.GetProperty("message").GetString()!;
        Assert.Contains("Created 4 cards in the Markdown deck files", message, StringComparison.Ordinal);
        Assert.Contains("next sync", message, StringComparison.Ordinal);
        Assert.Equal(4, MarkdownCollection.Load(Collection).Decks.Sum(deck => deck.Notes.Count));
        Assert.All(created.GetProperty("created").EnumerateArray(), card => Assert.False(card.GetProperty("reached_anki").GetBoolean()));

        anki.AcceptConnections();
        JsonElement planned = await client.CallAsync("sync", Args(("direction", "ma"), ("dry_run", true)), Ct);
        Assert.True(planned.GetProperty("dry_run").GetBoolean());
        Assert.Equal(4, planned.GetProperty("anki").GetProperty("created").GetInt32());
        Assert.Equal("dryRun", planned.GetProperty("outcome").GetString());
        Assert.All(planned.GetProperty("changes").EnumerateArray(), change =>
        {
            Assert.Equal(("create", "anki"), (change.GetProperty("kind").GetString(), change.GetProperty("side").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(change.GetProperty("deck").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(change.GetProperty("note").GetString()));
            Assert.Matches("^[0-9a-f]{12}$", change.GetProperty("note_key").GetString());
        });
        Assert.Equal(0, anki.Inspect(collection => collection.Notes.Count));
        string badDirection = await client.CallFailingAsync("sync", Args(("direction", "sideways")), Ct);
        Assert.Contains("use both, markdown-to-anki or anki-to-markdown", badDirection, StringComparison.Ordinal);

        JsonElement synced = await client.CallAsync("sync", Args(("direction", "markdown-to-anki")), Ct);

        Assert.Equal(4, synced.GetProperty("anki").GetProperty("created").GetInt32());
        Assert.Equal(4, anki.Inspect(collection => collection.Notes.Count(note => note.Model.Name.StartsWith("AnkiMcp", StringComparison.Ordinal))));
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.All(await store.ListAsync(cancellationToken: Ct), card => Assert.True(card.ReachedAnki));
    }

    // Issue 12.2: a dry run names what would change, as the CLI's plan does, so the assistant can tell the person.
    [Fact]
    public async Task SyncDryRun_NamesEachChangesDeckShortenedFirstFieldAndChangedFields_AndChangesNothing()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        string question = "Why does a moved String stay unusable? " + string.Concat(Enumerable.Repeat("Think of who frees the heap memory. ", 8));
        await client.CallAsync("propose_cards", Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = "Rust", question, answer = "One owner frees it." } })), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);
        await client.CallAsync("create_approved_cards", Args(), Ct);
        string file = Path.Combine(Collection, "Rust.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace("One owner frees it.", "Its one owner frees it, once.", StringComparison.Ordinal), Ct);

        JsonElement planned = await client.CallAsync("sync", Args(("dry_run", true)), Ct);

        JsonElement change = Assert.Single(planned.GetProperty("changes").EnumerateArray());
        Assert.Equal(("update", "anki", "Rust"), (change.GetProperty("kind").GetString(), change.GetProperty("side").GetString(), change.GetProperty("deck").GetString()));
        string note = change.GetProperty("note").GetString()!;
        Assert.True(note.Length < question.Length / 2, note);
        Assert.StartsWith("Why does a moved String", note, StringComparison.Ordinal);
        Assert.Equal(["Answer"], change.GetProperty("fields").EnumerateArray().Select(field => field.GetString()));
        Assert.Contains("One owner frees it.", anki.Inspect(collection => string.Join('|', collection.Notes.Single().Values)), StringComparison.Ordinal);
    }

    // With conflicts open, a note Anki dropped the write of must still be named: the message never reads as "only conflicts".
    [Fact]
    public async Task Sync_WithAConflictAndAWriteAnkiDropped_TheMessageNamesBoth()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Args(("lesson", "x"), ("cards", new object[]
        {
            new { kind = "basic", deck = "Rust", question = "What frees a String's heap memory?", answer = "Its one owner." },
            new { kind = "basic", deck = "Rust", question = "What does `&mut` grant?", answer = "Exclusive access." },
        })), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);
        await client.CallAsync("create_approved_cards", Args(), Ct);
        string file = Path.Combine(Collection, "Rust.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct))
            .Replace("Its one owner.", "Its owner, once.", StringComparison.Ordinal)
            .Replace("Exclusive access.", "Exclusive, mutable access.", StringComparison.Ordinal), Ct);
        long Id(string answer) => anki.Inspect(collection => collection.Notes.Single(note => note.Values.Contains(answer)).Id);
        anki.EditNote(Id("Its one owner."), "Answer", "The owner, when it goes out of scope.");
        anki.BrowseNoteBefore("updateNote", Id("Exclusive access."));

        JsonElement synced = await client.CallAsync("sync", Args(), Ct);

        Assert.Equal("conflictsOpen", synced.GetProperty("outcome").GetString());
        Assert.Single(synced.GetProperty("not_synced").EnumerateArray());
        string message = synced.GetProperty("message").GetString()!;
        Assert.Contains("changed on both sides and are NOT in step", message, StringComparison.Ordinal);
        Assert.Contains("Also, 1 note did NOT sync", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_FlagsCardsAnkiAlreadyHas()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(2))), Ct);
        await client.CallAsync("create_approved_cards", Args(), Ct);
        foreach (string deckFile in MarkdownCollection.DeckFilePaths(Collection))
            File.Delete(deckFile);

        JsonElement proposed = await client.CallAsync("propose_cards", Args(("lesson", "again"), ("cards", new object[]
        {
            new { kind = "why", deck = "Programming::Rust", question = "Why can't you use a String after `let b = a;`?", chain = "moved" },
        })), Ct);

        JsonElement duplicate = Assert.Single(proposed.GetProperty("possible_duplicates").EnumerateArray());
        Assert.Equal("a note in Anki (note type AnkiMcpWhy)", duplicate.GetProperty("where").GetString());
    }

    [Fact]
    public async Task BrokenDeckFile_CreateFailsNamingTheLineAndTheCardsStayApproved()
    {
        await using McpClient client = await StartServerAsync();
        string deckFile = Path.Combine(Collection, "Programming__Rust.md");
        const string Broken = "Z: an unknown label before any field\n";
        await File.WriteAllTextAsync(deckFile, Broken, Ct);
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1, 2))), Ct);

        string error = await client.CallFailingAsync("create_approved_cards", Args(), Ct);

        Assert.Contains("Programming__Rust.md:1", error, StringComparison.Ordinal);
        Assert.Contains("stay approved", error, StringComparison.Ordinal);
        Assert.Equal(Broken, await File.ReadAllTextAsync(deckFile, Ct));
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(2, 2, 0, 0), await store.CountsAsync(Ct));

        File.Delete(deckFile);
        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);
        Assert.Equal(2, created.GetProperty("created").GetArrayLength());
        Assert.Equal(2, MarkdownCollection.Load(Collection).Decks.Single().Notes.Count);
    }
}
