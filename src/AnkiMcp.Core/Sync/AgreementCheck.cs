using AnkiMcp.Core.Anki;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// The start of a two-way sync: whether the last recorded <see cref="SyncAgreement"/> still holds. The collection
/// files are hashed first; only when they and the referenced media are as agreed is Anki asked, with the same two
/// requests a full run begins with, so a run that goes on to plan in full reuses what was read.
/// </summary>
internal sealed class AgreementCheck
{
    private AgreementCheck(string files) => Files = files;

    /// <summary>The <see cref="CollectionFilesDigest"/> taken before anything was read.</summary>
    public string Files { get; }

    /// <summary>True when nothing a sync compares changed on either side since the agreement: the plan is empty.</summary>
    public bool Holds { get; private init; }

    /// <summary>The note types Anki was searched for, when Anki was read.</summary>
    public IReadOnlyList<string> NoteTypes { get; private init; } = [];

    /// <summary>Anki's first answer, when Anki was read.</summary>
    public AnkiSnapshot? Snapshot { get; private init; }

    /// <summary>Anki's second answer, when Anki was read.</summary>
    public AnkiModTimes? ModTimes { get; private init; }

    /// <summary>Notes of types not in <c>note_types/</c>, by type, when Anki was read.</summary>
    public IReadOnlyDictionary<string, int> Unmanaged { get; private init; } = new Dictionary<string, int>();

    public static async Task<AgreementCheck> RunAsync(string collectionDir, AnkiConnectClient client, CancellationToken cancellationToken)
    {
        AgreementCheck unread = new(CollectionFilesDigest.Of(collectionDir));
        SyncAgreement? agreed = SyncAgreement.Read(collectionDir);
        if (agreed is null || agreed.Files != unread.Files || (await new MediaRenamer(collectionDir).RenamesAsync(agreed.Media, cancellationToken)).Count > 0)
            return unread;
        long clock;
        string? profile;
        using (SyncStateStore store = SyncStateStore.Open(collectionDir))
        {
            clock = store.AnkiClock;
            profile = store.ProfileName;
        }
        if (clock != agreed.AnkiClock)
            return unread;

        AnkiCollectionReader reader = new(client);
        AnkiSnapshot snapshot = await reader.ReadSnapshotAsync(agreed.NoteTypes, cancellationToken);
        SyncEngine.CheckProfile(profile, snapshot.Profile);
        Dictionary<string, int> unmanaged = new(StringComparer.Ordinal);
        AnkiModTimes modTimes = await reader.ReadModTimesAsync(snapshot, agreed.NoteTypes, unmanaged, cancellationToken);
        AnkiStateDigest anki = AnkiStateDigest.Of(snapshot, modTimes);
        return new AgreementCheck(unread.Files)
        {
            NoteTypes = agreed.NoteTypes,
            Snapshot = snapshot,
            ModTimes = modTimes,
            Unmanaged = unmanaged,
            Holds = anki.Digest == agreed.Anki && anki.NewestMod < agreed.AnkiClock,
        };
    }
}
