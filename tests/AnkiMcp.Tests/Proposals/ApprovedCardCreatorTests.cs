using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Proposals;

public sealed class ApprovedCardCreatorTests : CollectionTest
{
    [Fact]
    public async Task CreationCutShortAfterClaiming_NextCreatorWritesEachCardExactlyOnce()
    {
        DefaultNoteTypes.WriteTo(Collection);
        ProposalStore crashed = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await crashed.ProposeAsync("lesson",
            [Drafts.Basic(), Drafts.Basic("What does `git bisect` do?", "Finds the commit that broke something."), Drafts.Cloze()], ProposalActor.Assistant, Ct);
        await crashed.ApproveAsync(batch.Id, null, ProposalActor.Assistant, cancellationToken: Ct);
        // The crashed process claimed every card and wrote the Git deck, then died before marking anything created.
        IReadOnlyList<Proposal> claimed = await crashed.ClaimApprovedAsync(CreationScope.All, NoteKey.New, Ct);
        NoteTypeRegistry types = NoteTypeRegistry.Load(Collection);
        string gitDeck = Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Git"));
        DeckFileWriter.AppendNotes(gitDeck, [.. claimed.Take(2).Select(card => new MarkdownNote(card.NoteKey, "AnkiMcpQA",
            new Dictionary<string, string> { ["Question"] = card.Draft.Fields["Question"], ["Answer"] = card.Draft.Fields["Answer"] }, card.Draft.Tags, 0))], types);

        await using Emulator anki = await Emulator.StartAsync();
        using AnkiConnectClient client = new(new AnkiConnectOptions(anki.Url));
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ApprovedCardCreator creator = new(store, Collection, new CachedNoteTypes(Collection), new DeckFileCache(), new SyncEngine(Collection, client));
        CardCreationResult result = await creator.CreateAsync(CreationScope.All, ProposalActor.Assistant, Ct);

        Assert.Equal(claimed.Select(card => card.NoteKey), result.Created.Select(card => card.NoteKey));
        Assert.All(await store.ListAsync(batch.Id, cancellationToken: Ct), card => Assert.Equal(ProposalState.Created, card.State));
        MarkdownCollection collection = MarkdownCollection.Load(Collection);
        Assert.Empty(collection.Errors);
        List<string?> keys = [.. collection.Decks.SelectMany(deck => deck.Notes).Select(note => note.Key)];
        Assert.Equal(claimed.Select(card => card.NoteKey).Order(), keys.Order());
        await Assert.ThrowsAsync<ProposalRefusedException>(() => creator.CreateAsync(CreationScope.All, ProposalActor.Assistant, Ct));
    }

    [Fact]
    public async Task CardsWhoseDeckFileCannotBeWritten_AreReportedAndStayApproved_TheOthersAreCreated()
    {
        DefaultNoteTypes.WriteTo(Collection);
        string rustDeck = Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Rust"));
        const string BrokenByHand = "Q: What is a move?\nQ: Asked twice?\nA: x\n";
        File.WriteAllText(rustDeck, BrokenByHand);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze(), Drafts.Why()], ProposalActor.Assistant, Ct);
        await store.ApproveAsync(batch.Id, null, ProposalActor.Assistant, cancellationToken: Ct);
        using AnkiConnectClient closedAnki = new(new AnkiConnectOptions(new Uri("http://127.0.0.1:9")));
        ApprovedCardCreator creator = new(store, Collection, new CachedNoteTypes(Collection), new DeckFileCache(), new SyncEngine(Collection, closedAnki));

        CardCreationResult result = await creator.CreateAsync(CreationScope.All, ProposalActor.Assistant, Ct);

        Assert.Equal([1], result.Created.Select(card => card.Number));
        Assert.Equal([2, 3], result.Failed.Select(failure => failure.Card.Number));
        Assert.All(result.Failed, failure => Assert.Contains("Programming__Rust.md", failure.Reason, StringComparison.Ordinal));
        Assert.Contains("Not created (2 stay approved)", result.Message, StringComparison.Ordinal);
        IReadOnlyList<Proposal> cards = await store.ListAsync(batch.Id, cancellationToken: Ct);
        Assert.Equal([(ProposalState.Created, true), (ProposalState.Approved, false), (ProposalState.Approved, false)], cards.Select(card => (card.State, card.NoteKey is not null)));
        Assert.Equal(BrokenByHand, File.ReadAllText(rustDeck));
        Assert.Equal(cards[0].NoteKey, Assert.Single(MarkdownCollection.Load(Collection).FindDeck("Programming::Git")!.Notes).Key);

        File.WriteAllText(rustDeck, "");
        CardCreationResult retried = await creator.CreateAsync(CreationScope.Batch(batch.Id), ProposalActor.Assistant, Ct);
        Assert.Equal([2, 3], retried.Created.Select(card => card.Number));
        Assert.Empty(retried.Failed);
    }
    [Fact]
    public async Task AnEditBetweenTwoCreations_IsSeenByTheNext_EvenKeepingSizeAndWriteTime()
    {
        await using Emulator anki = await Emulator.StartAsync();
        using AnkiConnectClient client = new(new AnkiConnectOptions(anki.Url));
        (ProposalStore store, ApprovedCardCreator creator) = await ServerCreatorAsync(client);
        CardCreationResult first = await CreateAsync(store, creator, Drafts.Basic(), Drafts.Cloze());
        Assert.Equal(PushStatus.Pushed, first.Push);

        // In an editor, between two tool calls: the Rust note now carries the Git note's key (a key used twice across
        // files), and the file keeps its size and its write time.
        string rustDeck = Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Rust"));
        DateTime written = File.GetLastWriteTimeUtc(rustDeck);
        string text = File.ReadAllText(rustDeck);
        File.WriteAllText(rustDeck, text.Replace(first.Created[1].NoteKey!, first.Created[0].NoteKey!, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(rustDeck, written);
        Assert.Equal(text.Length, File.ReadAllText(rustDeck).Length);

        CardCreationResult second = await CreateAsync(store, creator, Drafts.Basic("What does `git bisect` do?", "Finds the commit that broke something."));

        Assert.Equal(PushStatus.Refused, second.Push);
        Assert.Contains($"duplicate note_key {first.Created[0].NoteKey}", second.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(second.Created).ReachedAnki);
        Assert.Equal(2, anki.Inspect(collection => collection.Notes.Count));
        Assert.Contains(second.Created[0].NoteKey!, File.ReadAllText(Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Git"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeckFileDeletedBetweenTwoCreations_IsNotServedFromMemory()
    {
        await using Emulator anki = await Emulator.StartAsync();
        using AnkiConnectClient client = new(new AnkiConnectOptions(anki.Url));
        (ProposalStore store, ApprovedCardCreator creator) = await ServerCreatorAsync(client);
        await CreateAsync(store, creator, Drafts.Basic(), Drafts.Cloze());
        string gitDeck = Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Git"));

        File.Delete(gitDeck);
        CardCreationResult second = await CreateAsync(store, creator, Drafts.Basic("What does `git bisect` do?", "Finds the commit that broke something."));

        Assert.Equal(PushStatus.Pushed, second.Push);
        MarkdownCollection collection = MarkdownCollection.Load(Collection);
        Assert.Empty(collection.Errors);
        Assert.Equal(second.Created[0].NoteKey, Assert.Single(collection.FindDeck("Programming::Git")!.Notes).Key);
        Assert.Single(collection.FindDeck("Programming::Rust")!.Notes);
    }

    // A creator as the MCP server holds it: its caches live from one creation to the next.
    private async Task<(ProposalStore Store, ApprovedCardCreator Creator)> ServerCreatorAsync(AnkiConnectClient client)
    {
        DefaultNoteTypes.WriteTo(Collection);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        return (store, new ApprovedCardCreator(store, Collection, new CachedNoteTypes(Collection), new DeckFileCache(), new SyncEngine(Collection, client)));
    }

    private static async Task<CardCreationResult> CreateAsync(ProposalStore store, ApprovedCardCreator creator, params CardDraft[] drafts)
    {
        ProposalBatch batch = await store.ProposeAsync("lesson", drafts, ProposalActor.Assistant, Ct);
        await store.ApproveAsync(batch.Id, null, ProposalActor.Assistant, cancellationToken: Ct);
        return await creator.CreateAsync(CreationScope.Batch(batch.Id), ProposalActor.Assistant, Ct);
    }
}
