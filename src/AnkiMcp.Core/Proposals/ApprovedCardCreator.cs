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
    AnkiConnectClient anki, SyncEngine sync)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(25);

    /// <summary>Creates the approved cards of one batch, or of all batches when <paramref name="batchId"/> is null.</summary>
    /// <exception cref="ProposalException">Nothing is approved, or the deck files could not be written (then the cards stay approved).</exception>
    public async Task<CardCreationResult> CreateAsync(long? batchId, ProposalActor actor, CancellationToken cancellationToken)
    {
        // Appending is read-modify-write of the deck files: one creator at a time, across processes too.
        await using FileStream creationLock = await AcquireLockAsync(cancellationToken);
        IReadOnlyList<Proposal> claimed = await store.ClaimApprovedAsync(batchId, NoteKey.New, cancellationToken);
        if (claimed.Count == 0)
        {
            ProposalCounts counts = await store.CountsAsync(cancellationToken);
            throw new ProposalException("No approved cards to create; nothing was written. " + (counts.Pending == 0
                ? "Propose cards first (propose_cards) and let the person decide."
                : $"{counts.Pending} card{(counts.Pending == 1 ? " is" : "s are")} pending the person's decision: show them, then record their approval (approve_proposals or `ankimcp review`)."));
        }

        Dictionary<string, string> deckFiles = await WriteDecksAsync(claimed, actor);
        NotesPushResult push = await PushAsync([.. claimed.Select(card => card.NoteKey!)], cancellationToken);

        HashSet<string> inAnki = [.. push.Notes.Where(note => note.NoteId is not null).Select(note => note.NoteKey)];
        await store.RecordAnkiDeliveryAsync([.. inAnki], reachedAnki: true, CancellationToken.None);
        await store.RecordAnkiDeliveryAsync([.. claimed.Select(card => card.NoteKey!).Where(key => !inAnki.Contains(key))], reachedAnki: false, CancellationToken.None);
        Proposal[] created = [.. claimed.Select(card => card with { State = ProposalState.Created, ReachedAnki = inAnki.Contains(card.NoteKey!) })];
        return new CardCreationResult(created, deckFiles, push.Status, Describe(created, deckFiles, push));
    }

    // A closed Anki refuses the connection at once; asking first spares the push from reading the whole collection for nothing.
    private async Task<NotesPushResult> PushAsync(string[] noteKeys, CancellationToken cancellationToken)
    {
        try
        {
            await anki.VersionAsync(cancellationToken);
        }
        catch (AnkiUnavailableException unavailable)
        {
            return new NotesPushResult(PushStatus.AnkiUnavailable, [],
                $"Anki is not running, so they go to Anki with the next sync (start Anki, then sync). {unavailable.Message}");
        }

        try
        {
            return await sync.PushNotesAsync(noteKeys, cancellationToken);
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
            catch (IOException busy)
            {
                throw new ProposalException($"Another AnkiMcp process has been creating cards in this collection for {LockWait.TotalSeconds:0} s; nothing was created. Try again in a moment.", busy);
            }
        }
    }

    private async Task<Dictionary<string, string>> WriteDecksAsync(IReadOnlyList<Proposal> claimed, ProposalActor actor)
    {
        Dictionary<string, string> written = [];
        try
        {
            NoteTypeRegistry types = noteTypes.Get();
            foreach (IGrouping<string, Proposal> deck in claimed.GroupBy(card => card.Draft.Deck, StringComparer.Ordinal))
            {
                string fileName = DeckFileNames.ToFileName(deck.Key);
                string path = Path.Combine(collectionDirectory, fileName);
                DeckFile? current = File.Exists(path) ? deckFiles.Get(path, types) : null;
                HashSet<string?> inFile = [.. current?.Notes.Select(note => note.Key) ?? []];
                MarkdownNote[] missing = [.. deck.Where(card => !inFile.Contains(card.NoteKey)).Select(card => ToNote(card, types))];
                if (missing.Length > 0)
                    deckFiles.Put(DeckFileWriter.AppendNotes(path, missing, types, current), types);
                written[deck.Key] = fileName;
                await store.MarkCreatedAsync([.. deck], actor, CancellationToken.None);
            }

            return written;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or CollectionFormatException or ArgumentException)
        {
            // The deck file write is atomic: the decks not in written hold none of their cards, so the keys go back.
            Proposal[] unwritten = [.. claimed.Where(card => !written.ContainsKey(card.Draft.Deck))];
            await store.ReleaseClaimAsync(unwritten, CancellationToken.None);
            string done = written.Count == 0 ? "" : $" The cards for {string.Join(", ", written.Keys)} were written.";
            throw new ProposalException($"Could not write the cards to the Markdown deck files: {error.Message}{done} " +
                $"The other {unwritten.Length} card{(unwritten.Length == 1 ? "" : "s")} stay approved; fix the problem and call create_approved_cards again.", error);
        }
    }

    private static MarkdownNote ToNote(Proposal card, NoteTypeRegistry types)
    {
        CardKindSchema schema = CardKindSchema.For(card.Draft.Kind);
        NoteTypeDefinition type = types.Find(schema.NoteTypeName)
            ?? throw new CollectionFormatException($"The collection has no note type {schema.NoteTypeName} (note_types/{schema.NoteTypeName}/); run `ankimcp init` to restore the default note types.");
        Dictionary<string, string> fields = type.Fields
            .Where(field => field.Label is not null)
            .ToDictionary(field => field.Name, field => card.Draft.Fields.GetValueOrDefault(field.Name) ?? string.Empty);
        return new MarkdownNote(card.NoteKey, schema.NoteTypeName, fields, card.Draft.Tags, 0);
    }

    private static string Describe(Proposal[] created, Dictionary<string, string> deckFiles, NotesPushResult push)
    {
        string cards = created.Length == 1 ? "1 card" : $"{created.Length} cards";
        string where = string.Join("; ", created.GroupBy(card => card.Draft.Deck).Select(deck => $"{deck.Count()} in {deck.Key} ({deckFiles[deck.Key]})"));
        return push.Status switch
        {
            PushStatus.Pushed => $"Created {cards}: {where}. They are in Anki now.",
            PushStatus.PartlyPushed => $"Created {cards} in the Markdown deck files: {where}. {created.Count(card => card.ReachedAnki == true)} reached Anki; the others did not: {push.Message}",
            _ => $"Created {cards} in the Markdown deck files: {where}. They are not in Anki yet: {push.Message}",
        };
    }
}
