using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Proposals;

public sealed class ProposalStoreTests : CollectionTest
{
    [Fact]
    public async Task Propose_NumbersCardsFromOneAndRecordsWhoProposed()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);

        ProposalBatch batch = await store.ProposeAsync("Rust ownership", [Drafts.Cloze(), Drafts.Why(), Drafts.Error(), Drafts.Basic()], ProposalActor.Assistant, Ct);

        Assert.Equal("Rust ownership", batch.Label);
        Assert.Equal([1, 2, 3, 4], batch.Cards.Select(card => card.Number));
        Assert.All(batch.Cards, card => Assert.Equal((ProposalState.Pending, 1), (card.State, card.Revision)));
        Assert.Equal([CardKind.Cloze, CardKind.Why, CardKind.Error, CardKind.Basic], batch.Cards.Select(card => card.Draft.Kind));
        Assert.Equal("String owns heap memory → ownership moves to b → a is invalidated", batch.Cards[1].Draft.Fields["Chain"]);
        IReadOnlyList<ProposalTransition> transitions = await store.TransitionsAsync(batch.Id, cancellationToken: Ct);
        Assert.Equal(4, transitions.Count);
        Assert.All(transitions, t => Assert.Equal((null, ProposalState.Pending, ProposalActor.Assistant), (t.From, t.To, t.Actor)));
        Assert.True(File.Exists(Path.Combine(Collection, ".ankimcp", "proposals.db")));
    }

    public static TheoryData<CardDraft, string> InvalidDrafts => new()
    {
        { new CardDraft(CardKind.Cloze, "Rust", new Dictionary<string, string> { ["Text"] = "A value has one owner." }, []), "must hide at least one term" },
        { new CardDraft(CardKind.Why, "Rust", new Dictionary<string, string> { ["Question"] = "Why?" }, []), "needs 'Chain'" },
        { new CardDraft(CardKind.Error, "Rust", new Dictionary<string, string> { ["Broken"] = "x", ["Why"] = "y" }, []), "needs 'Fix'" },
        { new CardDraft(CardKind.Basic, "Rust", new Dictionary<string, string> { ["Question"] = "Q", ["Answer"] = "A", ["Back"] = "B" }, []), "has no field 'Back'" },
        { new CardDraft(CardKind.Basic, "Rust", new Dictionary<string, string> { ["Question"] = "The {{c1::owner}}", ["Answer"] = "A" }, []), "Only cloze cards" },
        { Drafts.Basic(deck: "Rust:: "), "empty level" },
        { Drafts.Basic(deck: ""), "deck is missing" },
        { Drafts.Basic(deck: "_Rust"), "starts or ends with '_'" },
        { Drafts.Basic() with { Tags = ["two words"] }, "Tag 'two words' is not valid" },
    };

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public async Task Propose_InvalidCard_IsRefusedWithTheProblemAndNothingIsStored(CardDraft invalid, string expected)
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);

        ProposalRefusedException error = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.ProposeAsync("lesson", [Drafts.Basic(), invalid], ProposalActor.Assistant, Ct));

        CardProblem problem = Assert.Single(Assert.IsType<ProposalRefusal.InvalidCards>(error.Refusal).Problems);
        Assert.Equal(2, problem.Number);
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Card 2: ", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.LatestBatchIdAsync(Ct));
    }

    [Fact]
    public async Task ApproveSomeRejectOthers_RecordsStatesReasonsAndActors()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze(), Drafts.Why(), Drafts.Error()], ProposalActor.Assistant, Ct);

        IReadOnlyList<Proposal> approved = await store.ApproveAsync(batch.Id, [1, 3], ProposalActor.Assistant, cancellationToken: Ct);
        IReadOnlyList<Proposal> rejected = await store.RejectAsync(batch.Id, [4], "too obvious", ProposalActor.Assistant, Ct);

        Assert.Equal([1, 3], approved.Select(card => card.Number));
        Assert.Equal([4], rejected.Select(card => card.Number));
        IReadOnlyList<Proposal> cards = await store.ListAsync(batch.Id, cancellationToken: Ct);
        Assert.Equal([ProposalState.Approved, ProposalState.Pending, ProposalState.Approved, ProposalState.Rejected], cards.Select(card => card.State));
        Assert.Equal("too obvious", cards[3].RejectionReason);
        Assert.Equal(new ProposalCounts(1, 2, 0, 1), await store.CountsAsync(Ct));
        ProposalTransition rejection = (await store.TransitionsAsync(batch.Id, 4, Ct))[^1];
        Assert.Equal((ProposalState.Pending, ProposalState.Rejected, "too obvious"), (rejection.From, rejection.To, rejection.Detail));
    }

    [Fact]
    public async Task ApproveWithoutNumbers_ApprovesEveryPendingCardOnly()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze(), Drafts.Why()], ProposalActor.Assistant, Ct);
        await store.RejectAsync(batch.Id, [2], null, ProposalActor.Assistant, Ct);

        IReadOnlyList<Proposal> approved = await store.ApproveAsync(batch.Id, null, ProposalActor.Assistant, cancellationToken: Ct);

        Assert.Equal([1, 3], approved.Select(card => card.Number));
        Assert.Equal(ProposalState.Rejected, (await store.ListAsync(batch.Id, cancellationToken: Ct))[1].State);
    }

    [Fact]
    public async Task Revise_KeepsHistoryAndSendsAnApprovedCardBackToPending()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic()], ProposalActor.Assistant, Ct);
        await store.ApproveAsync(batch.Id, [1], ProposalActor.Assistant, cancellationToken: Ct);

        Proposal revised = await store.ReviseAsync(batch.Id, 1, Drafts.Basic(answer: "Saves changes away and cleans the work tree."), ProposalActor.Assistant, Ct);

        Assert.Equal((2, ProposalState.Pending), (revised.Revision, revised.State));
        Assert.Equal("Saves changes away and cleans the work tree.", revised.Draft.Fields["Answer"]);
        IReadOnlyList<ProposalRevision> revisions = await store.RevisionsAsync(batch.Id, 1, Ct);
        Assert.Equal(["Shelves uncommitted changes.", "Saves changes away and cleans the work tree."], revisions.Select(r => r.Draft.Fields["Answer"]));
        Assert.Equal(
            [(null, ProposalState.Pending), (ProposalState.Pending, ProposalState.Approved), (ProposalState.Approved, ProposalState.Pending)],
            (await store.TransitionsAsync(batch.Id, 1, Ct)).Select(t => (t.From, t.To)));
    }

    [Fact]
    public async Task RejectedCard_CannotBeApprovedUntilRevised()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic()], ProposalActor.Assistant, Ct);
        await store.RejectAsync(batch.Id, [1], "wrong", ProposalActor.Assistant, Ct);

        ProposalRefusedException error = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.ApproveAsync(batch.Id, [1], ProposalActor.Assistant, cancellationToken: Ct));
        ProposalRefusal.CardClosed closed = Assert.IsType<ProposalRefusal.CardClosed>(error.Refusal);
        Assert.Equal((1, ProposalState.Rejected, ProposalChange.Approve), (closed.Card.Number, closed.Card.State, closed.Attempted));
        Assert.Equal($"Card 1 of batch {batch.Id} was rejected; a rejected card cannot be approved.", error.Message);

        await store.ReviseAsync(batch.Id, 1, Drafts.Basic(answer: "Better"), ProposalActor.Assistant, Ct);
        Assert.Single(await store.ApproveAsync(batch.Id, [1], ProposalActor.Assistant, cancellationToken: Ct));
    }

    [Fact]
    public async Task UnknownNumbersOrBatch_AreRefusedWithTheValidRange()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze()], ProposalActor.Assistant, Ct);

        ProposalRefusedException unknownCard = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.ApproveAsync(batch.Id, [1, 7], ProposalActor.Assistant, cancellationToken: Ct));
        ProposalRefusedException unknownBatch = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.RejectAsync(batch.Id + 1, null, null, ProposalActor.Assistant, Ct));

        Assert.Equal(new ProposalRefusal.NoSuchCards(batch.Id, 2, [7]).Fact, unknownCard.Refusal.Fact);
        Assert.Equal($"Batch {batch.Id} has cards 1–2; there is no card 7.", unknownCard.Message);
        Assert.Equal(batch.Id + 1, Assert.IsType<ProposalRefusal.NoSuchBatch>(unknownBatch.Refusal).BatchId);
        Assert.Equal(2, (await store.CountsAsync(Ct)).Pending);
    }

    [Theory]
    [InlineData(ApprovalPolicy.Conversation, ProposalActor.Assistant, true)]
    [InlineData(ApprovalPolicy.Conversation, ProposalActor.Elicitation, true)]
    [InlineData(ApprovalPolicy.Elicit, ProposalActor.Assistant, false)]
    [InlineData(ApprovalPolicy.Elicit, ProposalActor.Elicitation, true)]
    [InlineData(ApprovalPolicy.Reviewer, ProposalActor.Assistant, false)]
    [InlineData(ApprovalPolicy.Reviewer, ProposalActor.Elicitation, false)]
    [InlineData(ApprovalPolicy.Reviewer, ProposalActor.TerminalReview, true)]
    [InlineData(ApprovalPolicy.Elicit, ProposalActor.TerminalReview, true)]
    public async Task Approve_IsAllowedOnlyToTheActorsThePolicyNames(ApprovalPolicy policy, ProposalActor actor, bool allowed)
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, policy, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic()], ProposalActor.Assistant, Ct);

        Task<IReadOnlyList<Proposal>> approve = store.ApproveAsync(batch.Id, null, actor, cancellationToken: Ct);

        if (allowed)
        {
            Assert.Single(await approve);
        }
        else
        {
            await Assert.ThrowsAsync<ProposalRefusedException>(() => approve);
            Assert.Equal(ProposalState.Pending, (await store.ListAsync(batch.Id, cancellationToken: Ct))[0].State);
        }
    }

    [Fact]
    public async Task Approve_WithARevisionThePersonDidNotSee_ApprovesNothing()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Elicit, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze()], ProposalActor.Assistant, Ct);
        await store.ReviseAsync(batch.Id, 2, Drafts.Cloze("The {{c1::borrow checker}} enforces ownership."), ProposalActor.Assistant, Ct);

        Dictionary<int, int> seen = new() { [1] = 1, [2] = 1 };
        await Assert.ThrowsAsync<ProposalRefusedException>(() => store.ApproveAsync(batch.Id, [1, 2], ProposalActor.Elicitation, seen, Ct));

        Assert.Equal(2, (await store.CountsAsync(Ct)).Pending);
    }

    [Fact]
    public async Task ClaimApproved_KeysOnlyApprovedCardsOnceAndOnlyMarkCreatedCreatesThem()
    {
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await store.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Cloze(), Drafts.Why()], ProposalActor.Assistant, Ct);
        await store.ApproveAsync(batch.Id, [1, 3], ProposalActor.Assistant, cancellationToken: Ct);
        int next = 0;

        IReadOnlyList<Proposal> claimed = await store.ClaimApprovedAsync(CreationScope.All, () => $"key{++next}", Ct);
        IReadOnlyList<Proposal> again = await store.ClaimApprovedAsync(CreationScope.All, () => $"key{++next}", Ct);

        Assert.Equal([(1, "key1"), (3, "key2")], claimed.Select(card => (card.Number, card.NoteKey!)));
        Assert.Equal([(1, "key1"), (3, "key2")], again.Select(card => (card.Number, card.NoteKey!)));
        Assert.All(again, card => Assert.Equal(ProposalState.Approved, card.State));
        ProposalRefusedException unfinished = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.RejectAsync(batch.Id, [3], "no", ProposalActor.Assistant, Ct));
        Assert.Equal("key2", Assert.IsType<ProposalRefusal.BeingCreated>(unfinished.Refusal).Card.NoteKey);

        await store.MarkCreatedAsync([claimed[0]], ProposalActor.Assistant, Ct);
        await store.ReleaseClaimAsync([claimed[1]], Ct);
        await store.RecordAnkiDeliveryAsync(["key1"], reachedAnki: false, Ct);
        IReadOnlyList<Proposal> cards = await store.ListAsync(batch.Id, cancellationToken: Ct);
        Assert.Equal((ProposalState.Created, "key1", (bool?)false), (cards[0].State, cards[0].NoteKey, cards[0].ReachedAnki));
        Assert.Equal((ProposalState.Approved, (string?)null), (cards[2].State, cards[2].NoteKey));
        Assert.Equal(ProposalState.Pending, cards[1].State);
        Assert.Empty(await store.MarkCreatedAsync([claimed[0]], ProposalActor.Assistant, Ct));
        ProposalRefusedException error = await Assert.ThrowsAsync<ProposalRefusedException>(() => store.ReviseAsync(batch.Id, 1, Drafts.Basic(), ProposalActor.Assistant, Ct));
        ProposalRefusal.CardClosed created = Assert.IsType<ProposalRefusal.CardClosed>(error.Refusal);
        Assert.Equal((ProposalState.Created, ProposalChange.Revise), (created.Card.State, created.Attempted));
    }

    [Fact]
    public async Task State_SurvivesReopening()
    {
        ProposalStore first = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalBatch batch = await first.ProposeAsync("lesson", [Drafts.Basic(), Drafts.Why()], ProposalActor.Assistant, Ct);
        await first.ApproveAsync(batch.Id, [2], ProposalActor.Assistant, cancellationToken: Ct);

        ProposalStore reopened = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Reviewer, cancellationToken: Ct);

        ProposalBatch? again = await reopened.GetBatchAsync(batch.Id, Ct);
        Assert.NotNull(again);
        Assert.Equal(batch.Cards.Select(card => card.Draft.Fields["Question"]), again.Cards.Select(card => card.Draft.Fields["Question"]));
        Assert.Equal([ProposalState.Pending, ProposalState.Approved], again.Cards.Select(card => card.State));
        Assert.Equal(batch.Id, await reopened.LatestBatchIdAsync(Ct));
    }

    [Fact]
    public async Task TwoStoresOnOneCollection_ConcurrentWritesAreAllKeptAndEachCardGetsOneKeyAndIsCreatedOnce()
    {
        ProposalStore one = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        ProposalStore two = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);

        ProposalBatch[] batches = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : two).ProposeAsync($"lesson {i}", [Drafts.Basic(), Drafts.Cloze()], ProposalActor.Assistant, Ct), Ct)));
        await Task.WhenAll(batches.Select((batch, i) => Task.Run(() =>
            (i % 2 == 0 ? two : one).ApproveAsync(batch.Id, null, ProposalActor.Assistant, cancellationToken: Ct), Ct)));
        int keys = 0;
        IReadOnlyList<Proposal>[] claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : two).ClaimApprovedAsync(CreationScope.All, () => $"k{Interlocked.Increment(ref keys)}", Ct), Ct)));

        Assert.Equal(20, batches.Select(batch => batch.Id).Distinct().Count());
        Assert.All(claims, claim => Assert.Equal(40, claim.Count));
        Assert.Equal(40, claims.SelectMany(claim => claim).Select(card => (card.BatchId, card.Number, card.NoteKey)).Distinct().Count());
        Assert.Equal(40, keys);
        Assert.Equal(40, (await two.MarkCreatedAsync(claims[0], ProposalActor.Assistant, Ct)).Count);
        Assert.Empty(await one.MarkCreatedAsync(claims[1], ProposalActor.Assistant, Ct));
        Assert.Equal(new ProposalCounts(0, 0, 40, 0), await one.CountsAsync(Ct));
    }
}
