namespace AnkiMcp.Core.Sync;

/// <summary>What the planner decided for one note key.</summary>
/// <param name="Key">The note key (freshly made for notes that had none).</param>
/// <param name="Local">The Markdown note, if the folder has it.</param>
/// <param name="Remote">The Anki note, if Anki has it.</param>
/// <param name="State">What the last sync recorded, if anything.</param>
/// <param name="Changes">The changes to make (empty when both sides already agree).</param>
internal sealed record NoteDecision(string Key, LocalNote? Local, RemoteNote? Remote, NoteSyncState? State, IReadOnlyList<SyncChange> Changes)
{
    /// <summary>The Markdown note has no key yet: the key is written into its file.</summary>
    public bool NeedsKeyInMarkdown => Local is { Key: null };

    /// <summary>The key was made by this run's planner: a real run makes another one, so a dry run shows none.</summary>
    public bool HasNewKey => Local is { Key: null } || (Local is null && State is null && Remote is { EmbeddedKey: null });

    /// <summary>The Anki note's hidden key field does not hold the key yet.</summary>
    public bool NeedsKeyInAnki => Remote is not null && Remote.EmbeddedKey != Key;

    /// <summary>True when this decision includes a change of this kind on this side.</summary>
    public bool Has(SyncChangeKind kind, SyncSide target)
    {
        // An indexed loop allocates nothing (a lambda and an interface enumerator would): this runs several times per note.
        for (int i = 0; i < Changes.Count; i++)
        {
            if (Changes[i].Kind == kind && Changes[i].Target == target)
                return true;
        }
        return false;
    }

    /// <summary>True when both sides were edited and the conflict is left for <c>--prefer</c>.</summary>
    public bool IsOpenConflict => Has(SyncChangeKind.Conflict, SyncSide.Markdown);
}
