namespace AnkiMcp.Core.Sync;

/// <summary>Whether a sync run left Markdown and Anki in step.</summary>
public enum SyncOutcome
{
    /// <summary>Both sides hold the same notes.</summary>
    InStep,

    /// <summary>Notes changed on both sides wait for the person (see <c>conflicts/</c>).</summary>
    ConflictsOpen,

    /// <summary>Some changes did not reach the other side; the next sync tries them again.</summary>
    NotSynced,

    /// <summary>Nothing was changed: the report is a plan.</summary>
    DryRun,
}
