namespace AnkiMcp.Core.Sync;

/// <summary>Progress of a long sync, for a progress bar on stderr.</summary>
/// <param name="Stage">What is happening (e.g. "Adding notes to Anki").</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in this stage.</param>
public sealed record SyncProgress(string Stage, int Done, int Total);
