using System.Diagnostics;
using ModelContextProtocol.Client;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// Time per MCP tool call of the real <c>ankimcp serve</c> process over stdio, for the end-of-lesson loop
/// (<see cref="McpLesson"/>). Anki is left out: by default nothing listens at the AnkiConnect address (the push fails
/// at once and the cards wait in Markdown); with <c>--emulator</c> the in-process AnkiConnect emulator answers.
/// Figures are client-observed round trips, so they include JSON and pipe overhead: an upper bound of the server's own
/// time. On Linux the server process's CPU time per call is printed too: its own work, whatever the load.
/// </summary>
internal static class McpToolBenchmark
{
    public const string Name = "mcp-tools";

    public static async Task<int> RunAsync(string[] args)
    {
        int iterations = args.Contains("--quick") ? 30 : 200;
        int warmup = Math.Max(5, iterations / 10);
        bool useEmulator = args.Contains("--emulator");
        string collection = GeneratedCollection.NewFolder("mcp");
        await using Emulator? emulator = useEmulator ? await Emulator.StartAsync() : null;
        try
        {
            await using McpClient client = await McpClient.CreateAsync(
                McpLesson.Serve("dotnet", [Path.Combine(AppContext.BaseDirectory, "ankimcp.dll")], collection, emulator?.Url ?? new Uri("http://127.0.0.1:9")),
                new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromMinutes(1) });

            using Process? server = ChildProcess.Find("ankimcp.dll");
            Dictionary<string, List<double>> wall = McpLesson.Calls.ToDictionary(call => call.Label, _ => new List<double>());
            Dictionary<string, List<double>> cpu = McpLesson.Calls.ToDictionary(call => call.Label, _ => new List<double>());
            for (int i = 0; i < warmup + iterations; i++)
            {
                foreach ((string tool, string label) in McpLesson.Calls)
                {
                    TimeSpan cpuBefore = CpuTime(server);
                    long start = Stopwatch.GetTimestamp();
                    await McpLesson.CallAsync(client, tool, i);
                    double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (i >= warmup)
                    {
                        wall[label].Add(elapsed);
                        cpu[label].Add((CpuTime(server) - cpuBefore).TotalMilliseconds);
                    }
                }
            }

            Console.WriteLine($"MCP tool calls through the real ankimcp over stdio, Anki {(useEmulator ? "= in-process emulator" : "unreachable")}, {iterations} lessons of {McpLesson.CardsPerLesson} cards ({warmup} warm-up).");
            Console.WriteLine("Round trip seen by the client (includes pipe, JSON and any wait for a busy CPU):");
            foreach ((_, string label) in McpLesson.Calls)
                Console.WriteLine(LatencyStats.From(label, wall[label]));
            if (server is not null)
            {
                Console.WriteLine("CPU time the server process spent per call (its own work whatever the load; the OS counts it in 10 ms ticks, so read the mean):");
                foreach ((_, string label) in McpLesson.Calls)
                    Console.WriteLine(LatencyStats.From(label, cpu[label]));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(collection, recursive: true);
        }
    }

    private static TimeSpan CpuTime(Process? process)
    {
        if (process is null)
            return TimeSpan.Zero;
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
