namespace AnkiMcp.Core.Sync;

/// <summary>How a sync run behaves.</summary>
public sealed record SyncOptions
{
    /// <summary>Plan only: change no file, no state and nothing in Anki.</summary>
    public bool DryRun { get; init; }

    /// <summary>Commit the collection files with git before a run that changes them.</summary>
    public bool AutoCommit { get; init; } = true;

    /// <summary>How a two-way sync settles notes changed on both sides.</summary>
    public ConflictPreference Prefer { get; init; }

    /// <summary>How a two-way sync settles particular notes (by key) changed on both sides; overrides <see cref="Prefer"/> for them.</summary>
    public IReadOnlyDictionary<string, ConflictPreference> PreferByKey { get; init; } = new Dictionary<string, ConflictPreference>();

    /// <summary>How the note with this key is settled when both sides changed.</summary>
    public ConflictPreference PreferenceFor(string noteKey) => PreferByKey.TryGetValue(noteKey, out ConflictPreference preference) ? preference : Prefer;

    /// <summary>Let a run delete more than the safety threshold of a deck's notes.</summary>
    public bool AllowDeletes { get; init; }

    /// <summary>A run refuses to delete more than this share of a deck's notes unless <see cref="AllowDeletes"/>…</summary>
    public double DeleteShareThreshold { get; init; } = 0.2;

    /// <summary>…and more than this many notes.</summary>
    public int DeleteCountThreshold { get; init; } = 5;

    /// <summary>Receives progress of long stages.</summary>
    public IProgress<SyncProgress>? Progress { get; init; }
}
