namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The rules of the approval workflow, apart from where proposals are stored: which cards a change applies to, which
/// changes a card's state rules out, which batch a caller means. Every rule refuses with a typed
/// <see cref="ProposalRefusal"/> (thrown as <see cref="ProposalRefusedException"/>); none touches storage.
/// </summary>
/// <remarks>
/// States: a card is proposed pending; pending → approved or rejected; approved → rejected (until its creation starts);
/// approved → created, only by the creator; a revision sends a card that is not created back to pending.
/// </remarks>
public static class ProposalWorkflow
{
    /// <summary>Refuses an empty batch, one beyond <see cref="ProposalLimits"/>, or invalid drafts, naming every problem by card number.</summary>
    public static void CheckProposal(string label, IReadOnlyList<CardDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
            Refuse(new ProposalRefusal.NoCards());
        if (drafts.Count > ProposalLimits.CardsPerBatch)
            Refuse(new ProposalRefusal.TooLarge($"A batch holds at most {ProposalLimits.CardsPerBatch} cards; this one has {drafts.Count}. Propose the best of them, or split them by lesson."));
        if ((label ?? "").Trim().Length > ProposalLimits.LabelLength)
            Refuse(new ProposalRefusal.TooLarge($"The lesson label is {label!.Trim().Length} characters long; at most {ProposalLimits.LabelLength} are kept. Name the lesson briefly."));
        long length = drafts.Sum(draft => (long)draft.Fields.Values.Sum(value => value.Length));
        if (length > ProposalLimits.BatchLength)
            Refuse(new ProposalRefusal.TooLarge($"The cards hold {length:N0} characters of text; a batch holds at most {ProposalLimits.BatchLength:N0}. Cards should be short; propose fewer or shorter ones."));
        CheckDrafts(drafts.Select((draft, index) => (index + 1, draft)));
    }

    /// <summary>Refuses a revision of a created card or of one being created, or a revised draft that is invalid.</summary>
    public static void CheckRevision(Proposal card, CardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(draft);
        EnsureNotCreated(card, ProposalChange.Revise);
        CheckDrafts([(card.Number, draft)]);
    }

    /// <summary>The card with this number; refuses with the batch's range when there is none.</summary>
    public static Proposal CardOf(ProposalBatch batch, int number) => CardsOf(batch, [number])[0];

    /// <summary>The cards with these numbers, in batch order; refuses when a number is not in the batch or none is given.</summary>
    public static IReadOnlyList<Proposal> CardsOf(ProposalBatch batch, IReadOnlyCollection<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
            Refuse(new ProposalRefusal.NoNumbers());
        int[] missing = [.. numbers.Where(number => batch.Cards.All(card => card.Number != number)).Distinct().Order()];
        if (missing.Length > 0)
            Refuse(new ProposalRefusal.NoSuchCards(batch.Id, batch.Cards.Count, missing));
        return [.. batch.Cards.Where(card => numbers.Contains(card.Number))];
    }

    /// <summary>
    /// The cards an approval moves from pending to approved: the given numbers, or every pending card when
    /// <paramref name="numbers"/> is null. Already approved cards are left as they are. A rejected or created card, or
    /// one revised since the person saw it (<paramref name="shownRevisions"/>: number → revision), refuses the whole approval.
    /// </summary>
    public static IReadOnlyList<Proposal> ToApprove(ProposalBatch batch, IReadOnlyCollection<int>? numbers, IReadOnlyDictionary<int, int>? shownRevisions = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        IReadOnlyList<Proposal> chosen = numbers is null ? [.. batch.Cards.Where(card => card.State == ProposalState.Pending)] : CardsOf(batch, numbers);
        foreach (Proposal card in chosen)
        {
            if (card.State is ProposalState.Rejected or ProposalState.Created)
                Refuse(new ProposalRefusal.CardClosed(card, ProposalChange.Approve));
            if (shownRevisions is not null && shownRevisions.TryGetValue(card.Number, out int shown) && shown != card.Revision)
                Refuse(new ProposalRefusal.ChangedSinceShown(card, shown));
        }

        return [.. chosen.Where(card => card.State == ProposalState.Pending)];
    }

    /// <summary>
    /// The cards a rejection moves to rejected: the given numbers, or every pending card when <paramref name="numbers"/>
    /// is null. Already rejected cards are left as they are; a created card or one being created refuses the whole rejection.
    /// </summary>
    public static IReadOnlyList<Proposal> ToReject(ProposalBatch batch, IReadOnlyCollection<int>? numbers)
    {
        ArgumentNullException.ThrowIfNull(batch);
        IReadOnlyList<Proposal> chosen = numbers is null ? [.. batch.Cards.Where(card => card.State == ProposalState.Pending)] : CardsOf(batch, numbers);
        foreach (Proposal card in chosen)
            EnsureNotCreated(card, ProposalChange.Reject);
        return [.. chosen.Where(card => card.State is ProposalState.Pending or ProposalState.Approved)];
    }

    /// <summary>
    /// The batch a change is meant for. A named batch must exist, whoever proposed it. Without a name, the caller's own
    /// batches only: the one that has cards the change applies to; the list to choose from when several have; the
    /// caller's newest when none has (its cards then say why the change does not apply). A caller that proposed nothing
    /// is refused, with the other sessions' open batches listed.
    /// </summary>
    /// <param name="requested">The batch the caller named, or null.</param>
    /// <param name="batches">Every batch.</param>
    /// <param name="callerId">The caller's <see cref="ProposalOwner.Id"/>; null for a caller that owns no batches.</param>
    /// <param name="change">What the caller wants to do.</param>
    public static long ChooseBatch(long? requested, IReadOnlyList<BatchSummary> batches, string? callerId, ProposalChange change)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (requested is { } id)
            return batches.Any(batch => batch.Id == id) ? id : Refuse<long>(new ProposalRefusal.NoSuchBatch(id));

        BatchSummary[] mine = [.. batches.Where(batch => callerId is not null && batch.Owner?.Id == callerId).OrderBy(batch => batch.Id)];
        BatchSummary[] open = [.. mine.Where(batch => batch.IsOpenFor(change))];
        return open.Length switch
        {
            1 => open[0].Id,
            > 1 => Refuse<long>(new ProposalRefusal.BatchNeeded(change, open)),
            _ when mine.Length > 0 => mine[^1].Id,
            _ => Refuse<long>(new ProposalRefusal.NothingProposedHere([.. batches.Where(batch => batch.IsOpen)])),
        };
    }

    // An approved card with a note key may already be in its deck file: only the creator may decide its fate.
    private static void EnsureNotCreated(Proposal card, ProposalChange change)
    {
        if (card.State == ProposalState.Created)
            Refuse(new ProposalRefusal.CardClosed(card, change));
        if (card.NoteKey is not null)
            Refuse(new ProposalRefusal.BeingCreated(card));
    }

    private static void CheckDrafts(IEnumerable<(int Number, CardDraft Draft)> drafts)
    {
        CardProblem[] problems = [.. drafts.SelectMany(item => CardDraftValidator.Validate(item.Draft).Select(problem => new CardProblem(item.Number, problem)))];
        if (problems.Length > 0)
            Refuse(new ProposalRefusal.InvalidCards(problems));
    }

    private static void Refuse(ProposalRefusal refusal) => throw new ProposalRefusedException(refusal);

    private static T Refuse<T>(ProposalRefusal refusal) => throw new ProposalRefusedException(refusal);
}
