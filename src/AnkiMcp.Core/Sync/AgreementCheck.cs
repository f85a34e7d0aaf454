using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// The start of a two-way sync: whether the last recorded <see cref="SyncAgreement"/> still holds. Anki is asked the
/// first of the two requests a full run begins with while the collection files are hashed; only when they and the
/// referenced media are as agreed and the state is still there is the second asked. The state is not opened: every
/// write to it forgets the agreement, which carries the profile the state links. A run that goes on to plan in full
/// reuses what was read.
/// </summary>
internal sealed class AgreementCheck
{
    private AgreementCheck(string files) => Files = files;

    /// <summary>The <see cref="CollectionFilesDigest"/> taken before anything was read.</summary>
    public string Files { get; }

    /// <summary>True when nothing a sync compares changed on either side since the agreement: the plan is empty.</summary>
    public bool Holds { get; private init; }

    /// <summary>The note types Anki was searched for, when Anki was asked.</summary>
    public IReadOnlyList<string> NoteTypes { get; private init; } = [];

    /// <summary>Anki's first answer (null when Anki could not answer), when Anki was asked.</summary>
    public Task<AnkiSnapshot?>? Snapshot { get; private init; }

    /// <summary>Anki's second answer, when the files were as agreed.</summary>
    public AnkiModTimes? ModTimes { get; private init; }

    /// <summary>The clock a run that uses <see cref="ModTimes"/> records: taken before they were read, less a second.</summary>
    public long ModTimesClock { get; private init; }

    /// <summary>Notes of types not in <c>note_types/</c>, by type, read with the second answer.</summary>
    public IReadOnlyDictionary<string, int> Unmanaged { get; private init; } = new Dictionary<string, int>();

    public static async Task<AgreementCheck> RunAsync(string collectionDir, AnkiConnectClient client, CancellationToken cancellationToken)
    {
        SyncAgreement? agreed = SyncAgreement.Read(collectionDir);
        // Without an agreement (a first import) Anki is asked about the note types the folder holds; a folder without
        // any (not a collection yet) is not worth asking about: the run reports what is missing first.
        IReadOnlyList<string> noteTypes = agreed?.NoteTypes ?? NoteTypeLoader.Names(collectionDir);
        // The files are hashed on another core while Anki is asked for its first answer. Over plain http the request
        // completes on this thread, usually after the hashing: then nothing here waits asynchronously.
        Task<string> hashing = Task.Run(() => CollectionFilesDigest.Of(collectionDir), cancellationToken);
        AnkiCollectionReader reader = new(client);
        Task<AnkiSnapshot>? asking = agreed is not null || noteTypes.Count > 0 ? reader.ReadSnapshotAsync(noteTypes, cancellationToken) : null;
        string files = await hashing;
        // Every write to the state forgets the agreement, so the state is as agreed while it exists.
        if (agreed is null || asking is null || agreed.Files != files || !File.Exists(SyncStateStore.PathFor(collectionDir))
            || (await new MediaRenamer(collectionDir).RenamesAsync(agreed.Media, cancellationToken)).Count > 0)
        {
            // A full run follows: it uses the answer if it searches for the same note types, and meets any error in its own order.
            return new AgreementCheck(files) { NoteTypes = noteTypes, Snapshot = asking is null ? null : AnswerOrNullAsync(asking) };
        }

        AnkiSnapshot snapshot = await asking;
        SyncEngine.CheckProfile(agreed.Profile, snapshot.Profile);
        Dictionary<string, int> unmanaged = new(StringComparer.Ordinal);
        long readClock = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        AnkiModTimes modTimes = await reader.ReadModTimesAsync(snapshot, agreed.NoteTypes, unmanaged, cancellationToken);
        AnkiStateDigest anki = AnkiStateDigest.Of(snapshot, modTimes);
        return new AgreementCheck(files)
        {
            NoteTypes = agreed.NoteTypes,
            Snapshot = Task.FromResult<AnkiSnapshot?>(snapshot),
            ModTimes = modTimes,
            ModTimesClock = readClock,
            Unmanaged = unmanaged,
            Holds = anki.Digest == agreed.Anki && anki.NewestMod < agreed.AnkiClock,
        };
    }

    private static async Task<AnkiSnapshot?> AnswerOrNullAsync(Task<AnkiSnapshot> asking)
    {
        try
        {
            return await asking;
        }
        catch (Exception failed) when (failed is AnkiUnavailableException or AnkiConnectException)
        {
            return null;
        }
    }
}
