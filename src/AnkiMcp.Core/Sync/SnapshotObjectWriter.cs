namespace AnkiMcp.Core.Sync;

/// <summary>
/// Runs <see cref="GitSnapshot.WriteObjects"/> on another core once a run knows it will change something, so the
/// snapshot commit on the main path finds most of its objects written. The commit never depends on it: an object it
/// did not write (it failed, or was not started) is written by the commit itself. Disposing stops and awaits it, so
/// no thread outlives the run.
/// </summary>
internal sealed class SnapshotObjectWriter(string collectionDirectory) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _writing;

    /// <summary>Starts writing the objects; a second call does nothing.</summary>
    public void Start() => _writing ??= Task.Run(() => GitSnapshot.WriteObjects(collectionDirectory, _stop.Token), _stop.Token);

    /// <summary>Waits for the objects being written, then makes the commit (see <see cref="GitSnapshot.Commit"/>).</summary>
    public async Task<string?> CommitAsync(string command)
    {
        await FinishedAsync();
        return GitSnapshot.Commit(collectionDirectory, command);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await FinishedAsync();
        _stop.Dispose();
    }

    private async Task FinishedAsync()
    {
        if (_writing is null)
            return;
        try
        {
            await _writing;
        }
        catch (Exception ignored) when (ignored is not OutOfMemoryException)
        {
            // Whatever it did not write, the commit writes.
        }
    }
}
