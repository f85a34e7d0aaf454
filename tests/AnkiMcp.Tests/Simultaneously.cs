namespace AnkiMcp.Tests;

/// <summary>Runs the same work on several threads released at the same instant, as processes starting together would.</summary>
internal static class Simultaneously
{
    /// <summary>Runs <paramref name="work"/> for workers 0 to <paramref name="workers"/> - 1, all released together; rethrows any failure.</summary>
    public static async Task RunAsync(int workers, Action<int> work)
    {
        using Barrier start = new(workers);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            work(worker);
        }, TestContext.Current.CancellationToken)));
    }
}
