namespace AnkiMcp.Core.Sync;

/// <summary>The outcome of <see cref="SyncEngine.PushNotesAsync(IReadOnlyCollection{string}, CancellationToken)"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Notes">Each requested note (empty when the push was refused or Anki was unreachable).</param>
/// <param name="Message">One sentence for the user, saying what happened and what comes next.</param>
public sealed record NotesPushResult(PushStatus Status, IReadOnlyList<PushedNote> Notes, string Message);
