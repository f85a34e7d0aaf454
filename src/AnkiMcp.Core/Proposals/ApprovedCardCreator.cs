using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Creates approved cards, and only approved cards: claims them in the proposal store (each gets its note key), appends
/// them to their Markdown deck files (the folder is the source of truth), marks them created, then pushes exactly those
/// notes to Anki in one batch. A creation cut short (crash, kill) is finished by the next one: a claimed card whose key is
/// already in its deck file is only marked created, never written twice. When Anki is not reachable the cards stay in
/// Markdown and the next sync takes them there.
/// </summary>
public sealed class ApprovedCardCreator(ProposalStore store, string collectionDirectory, CachedNoteTypes noteTypes, DeckFileCache deckFiles,
    SyncEngine sync)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Creates the approved cards in <paramref name="scope"/>. A card that cannot be written (its deck file has errors,
    /// its text would not read back) is reported in <see cref="CardCreationResult.Failed"/> and stays approved; the
    /// others are created.
    /// </summary>
    /// <exception cref="ProposalRefusedException">The batch does not exist, nothing is approved in the scope, or another process holds the creation lock.</exception>
    public async Task<CardCreationResult> CreateAsync(CreationScope scope, ProposalActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.BatchId is { } batchId && await store.GetBatchAsync(batchId, cancellationToken) is null)
            throw new ProposalRefusedException(new ProposalRefusal.NoSuchBatch(batchId));

        // Appending is read-modify-write of the deck files: one creator at a time, across processes too.
        await using FileStream creationLock = await AcquireLockAsync(cancellationToken);
        IReadOnlyList<Proposal> claimed = await store.ClaimApprovedAsync(scope, NoteKey.New, cancellationToken);
        if (claimed.Count == 0)
            throw new ProposalRefusedException(new ProposalRefusal.NothingApproved((await store.CountsAsync(cancellationToken)).Pending));

        (List<Proposal> written, Dictionary<string, string> files, List<CardCreationFailure> failed) = await WriteDecksAsync(claimed, actor);
        if (written.Count == 0)
            return new CardCreationResult([], failed, files, null, Describe([], failed, files, null));

        NotesPushResult push = await PushAsync([.. written.Select(card => card.NoteKey!)], cancellationToken);
        HashSet<string> inAnki = [.. push.Notes.Where(note => note.NoteId is not null).Select(note => note.NoteKey)];
        await store.RecordAnkiDeliveryAsync([.. inAnki], reachedAnki: true, CancellationToken.None);
        await store.RecordAnkiDeliveryAsync([.. written.Select(card => card.NoteKey!).Where(key => !inAnki.Contains(key))], reachedAnki: false, CancellationToken.None);
        Proposal[] created = [.. written.Select(card => card with { State = ProposalState.Created, ReachedAnki = inAnki.Contains(card.NoteKey!) })];
        return new CardCreationResult(created, failed, files, push.Status, Describe(created, failed, files, push));
    }

    // A closed Anki refuses the push's first request, which it makes before reading the collection.
    private async Task<NotesPushResult> PushAsync(string[] noteKeys, CancellationToken cancellationToken)
    {
        try
        {
            return await sync.PushNotesAsync(noteKeys, noteTypes, deckFiles, cancellationToken);
        }
        catch (AnkiConnectException refused)
        {
            // The cards are safe in Markdown either way; the next sync retries them and reports Anki's complaint again.
            return new NotesPushResult(PushStatus.Refused, [], $"Anki refused them ({refused.AnkiError}); the next sync tries again.");
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(collectionDirectory, ".ankimcp", "create.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long deadline = Environment.TickCount64 + (long)LockWait.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(LockRetry, cancellationToken);
            }
            catch (IOException)
            {
                throw new ProposalRefusedException(new ProposalRefusal.CreationBusy(LockWait));
            }
        }
    }

    // Deck by deck: each append is atomic, so a deck's cards are either all in its file or none; a card that would not
    // fit is left out of its deck's append, and a deck that cannot be written leaves only its own cards behind.
    private async Task<(List<Proposal> Written, Dictionary<string, string> DeckFiles, List<CardCreationFailure> Failed)> WriteDecksAsync(
        IReadOnlyList<Proposal> claimed, ProposalActor actor)
    {
        List<Proposal> written = [];
        Dictionary<string, string> files = [];
        List<CardCreationFailure> failed = [];
        NoteTypeRegistry types;
        try
        {
            types = noteTypes.Get();
        }
        catch (CollectionFormatException broken)
        {
            failed.AddRange(claimed.Select(card => new CardCreationFailure(card, $"the collection's note types cannot be read: {broken.Message}")));
            await store.ReleaseClaimAsync([.. claimed], CancellationToken.None);
            return (written, files, failed);
        }

        Dictionary<string, string> collab = CollectionDecks.In(collectionDirectory).Where(deck => deck.CollabSource is not null)
            .DistinctBy(deck => deck.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(deck => deck.Name, deck => deck.CollabSource!, StringComparer.OrdinalIgnoreCase);
        foreach (IGrouping<string, Proposal> deck in claimed.GroupBy(card => card.Draft.Deck, StringComparer.Ordinal))
        {
            List<Proposal> inDeck = [];
            if (collab.TryGetValue(deck.Key, out string? source))
            {
                // Approved before the collab source arrived: its deck is another repository's.
                failed.AddRange(deck.Select(card => new CardCreationFailure(card, CreationCheck.CollabDeckProblem(deck.Key, source))));
                continue;
            }

            try
            {
                string fileName = DeckFileNames.ToFileName(deck.Key);
                string path = Path.Combine(collectionDirectory, fileName);
                DeckFile? current = File.Exists(path) ? deckFiles.Get(path, types) : null;
                HashSet<string?> inFile = [.. current?.Notes.Select(note => note.Key) ?? []];
                List<(Proposal Card, MarkdownNote Note)> missing = [];
                foreach (Proposal card in deck)
                {
                    IReadOnlyList<string> problems = inFile.Contains(card.NoteKey) ? [] : CardNotes.Problems(card.Draft, types);
                    if (problems.Count > 0)
                        failed.Add(new CardCreationFailure(card, string.Join("; ", problems)));
                    else if (inFile.Contains(card.NoteKey))
                        inDeck.Add(card);
                    else
                        missing.Add((card, CardNotes.ToNote(card.Draft, card.NoteKey, types)));
                }

                if (missing.Count > 0)
                    deckFiles.Put(DeckFileWriter.AppendNotes(path, [.. missing.Select(item => item.Note)], types, current), types);
                inDeck.AddRange(missing.Select(item => item.Card));
                if (inDeck.Count > 0)
                    files[deck.Key] = fileName;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or CollectionFormatException or ArgumentException)
            {
                // Nothing of this deck was written: the append is atomic.
                failed.AddRange(deck.Where(card => failed.All(failure => failure.Card != card)).Select(card => new CardCreationFailure(card, error.Message)));
                inDeck.Clear();
            }

            written.AddRange(await store.MarkCreatedAsync(inDeck, actor, CancellationToken.None));
        }

        await store.ReleaseClaimAsync([.. failed.Select(failure => failure.Card)], CancellationToken.None);
        return (written, files, failed);
    }

    private static string Describe(Proposal[] created, List<CardCreationFailure> failed, Dictionary<string, string> deckFiles, NotesPushResult? push)
    {
        string notCreated = failed.Count == 0
            ? ""
            : $" Not created ({failed.Count} stay{(failed.Count == 1 ? "s" : "")} approved): " +
              string.Join("; ", failed.Select(failure => $"card {failure.Card.Number} of batch {failure.Card.BatchId}: {failure.Reason}")) + ".";
        if (created.Length == 0)
            return "No card was created." + notCreated;
        string cards = created.Length == 1 ? "1 card" : $"{created.Length} cards";
        string where = string.Join("; ", created.GroupBy(card => card.Draft.Deck).Select(deck => $"{deck.Count()} in {deck.Key} ({deckFiles[deck.Key]})"));
        return push!.Status switch
        {
            PushStatus.Pushed => $"Created {cards}: {where}. They are in Anki now.",
            PushStatus.PartlyPushed => $"Created {cards} in the Markdown deck files: {where}. {created.Count(card => card.ReachedAnki == true)} reached Anki; the others did not: {push.Message}",
            _ => $"Created {cards} in the Markdown deck files: {where}. They are not in Anki yet: {push.Message}",
        } + notCreated;
    }
}
