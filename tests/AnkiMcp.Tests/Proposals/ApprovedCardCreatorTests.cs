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
        IReadOnlyList<Proposal> claimed = await crashed.ClaimApprovedAsync(null, NoteKey.New, Ct);
        NoteTypeRegistry types = NoteTypeRegistry.Load(Collection);
        string gitDeck = Path.Combine(Collection, DeckFileNames.ToFileName("Programming::Git"));
        DeckFileWriter.AppendNotes(gitDeck, [.. claimed.Take(2).Select(card => new MarkdownNote(card.NoteKey, "AnkiMcpQA",
            new Dictionary<string, string> { ["Question"] = card.Draft.Fields["Question"], ["Answer"] = card.Draft.Fields["Answer"] }, card.Draft.Tags, 0))], types);

        await using Emulator anki = await Emulator.StartAsync();
        using AnkiConnectClient client = new(new AnkiConnectOptions(anki.Url));
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ApprovedCardCreator creator = new(store, Collection, new CachedNoteTypes(Collection), new DeckFileCache(), client, new SyncEngine(Collection, client));
        CardCreationResult result = await creator.CreateAsync(null, ProposalActor.Assistant, Ct);

        Assert.Equal(claimed.Select(card => card.NoteKey), result.Created.Select(card => card.NoteKey));
        Assert.All(await store.ListAsync(batch.Id, cancellationToken: Ct), card => Assert.Equal(ProposalState.Created, card.State));
        MarkdownCollection collection = MarkdownCollection.Load(Collection);
        Assert.Empty(collection.Errors);
        List<string?> keys = [.. collection.Decks.SelectMany(deck => deck.Notes).Select(note => note.Key)];
        Assert.Equal(claimed.Select(card => card.NoteKey).Order(), keys.Order());
        await Assert.ThrowsAsync<ProposalException>(() => creator.CreateAsync(null, ProposalActor.Assistant, Ct));
    }
}
