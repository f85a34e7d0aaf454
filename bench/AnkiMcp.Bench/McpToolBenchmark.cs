using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// Time per MCP tool call of the real <c>ankimcp serve</c> process over stdio, for the end-of-lesson loop: propose 20
/// cards, approve them all, create them. Anki is left out: by default nothing listens at the AnkiConnect address (the
/// push fails at once and the cards wait in Markdown); with <c>--emulator</c> the in-process AnkiConnect emulator
/// answers. Figures are client-observed round trips, so they include JSON and pipe overhead: an upper bound of the
/// server's own time. On Linux the server process's CPU time per call is printed too: its own work, whatever the load.
/// </summary>
internal static class McpToolBenchmark
{
    public const string Name = "mcp-tools";
    private const int CardsPerLesson = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        int iterations = args.Contains("--quick") ? 30 : 200;
        int warmup = Math.Max(5, iterations / 10);
        bool useEmulator = args.Contains("--emulator");
        string collection = Path.Combine(Path.GetTempPath(), "ankimcp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(collection);
        await using Emulator? emulator = useEmulator ? await Emulator.StartAsync() : null;
        try
        {
            await using McpClient client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "ankimcp",
                Command = "dotnet",
                Arguments = [Path.Combine(AppContext.BaseDirectory, "ankimcp.dll"), "serve", "--collection", collection,
                    "--approval", "conversation", "--anki-url", emulator?.Url.ToString() ?? "http://127.0.0.1:9"],
                WorkingDirectory = AppContext.BaseDirectory,
            }), new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromMinutes(1) });

            using Process? server = ChildProcess.Find("ankimcp.dll");
            (string Tool, string Label)[] calls = [("propose_cards", "propose_cards (20)"), ("approve_proposals", "approve_proposals (all)"), ("create_approved_cards", "create_approved_cards")];
            Dictionary<string, List<double>> wall = calls.ToDictionary(call => call.Label, _ => new List<double>());
            Dictionary<string, List<double>> cpu = calls.ToDictionary(call => call.Label, _ => new List<double>());
            for (int i = 0; i < warmup + iterations; i++)
            {
                foreach ((string tool, string label) in calls)
                {
                    Dictionary<string, object?> arguments = tool switch
                    {
                        "propose_cards" => Lesson(i),
                        "approve_proposals" => new() { ["all"] = true },
                        _ => [],
                    };
                    (double wallMs, double cpuMs) = await TimeAsync(client, server, tool, arguments);
                    if (i >= warmup)
                    {
                        wall[label].Add(wallMs);
                        cpu[label].Add(cpuMs);
                    }
                }
            }

            Console.WriteLine($"MCP tool calls through the real ankimcp over stdio, Anki {(useEmulator ? "= in-process emulator" : "unreachable")}, {iterations} lessons of {CardsPerLesson} cards ({warmup} warm-up).");
            Console.WriteLine("Round trip seen by the client (includes pipe, JSON and any wait for a busy CPU):");
            foreach ((_, string label) in calls)
                Console.WriteLine(LatencyStats.From(label, wall[label]));
            if (server is not null)
            {
                Console.WriteLine("CPU time the server process spent per call (its own work whatever the load; the OS counts it in 10 ms ticks, so read the mean):");
                foreach ((_, string label) in calls)
                    Console.WriteLine(LatencyStats.From(label, cpu[label]));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(collection, recursive: true);
        }
    }

    private static async Task<(double WallMs, double CpuMs)> TimeAsync(McpClient client, Process? server, string tool, Dictionary<string, object?> arguments)
    {
        TimeSpan cpuBefore = CpuTime(server);
        long start = Stopwatch.GetTimestamp();
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double cpu = (CpuTime(server) - cpuBefore).TotalMilliseconds;
        if (result.IsError == true)
            throw new InvalidOperationException($"{tool} failed: {string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text))}");
        return (elapsed, cpu);
    }

    private static TimeSpan CpuTime(Process? process)
    {
        if (process is null)
            return TimeSpan.Zero;
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static Dictionary<string, object?> Lesson(int lesson) => new()
    {
        ["lesson"] = $"Lesson {lesson}",
        ["cards"] = Enumerable.Range(1, CardsPerLesson).Select(n => (n % 4) switch
        {
            0 => (object)new { kind = "basic", deck = Deck(lesson), question = Text(lesson, n, "What is"), answer = "An answer with `code` and *emphasis*." },
            1 => new { kind = "cloze", deck = Deck(lesson), text = $"In lesson {lesson}, fact {n} hides the {{{{c1::term {n}}}}}." },
            2 => new { kind = "why", deck = Deck(lesson), question = Text(lesson, n, "Why does"), chain = "cause → mechanism → effect" },
            _ => new { kind = "error", deck = Deck(lesson), broken = $"```rust\nlet b = a; // {lesson}.{n}\nprintln!(\"{{a}}\");\n```", fix = "`a.clone()`", why = "a was moved." },
        }).ToArray(),
    };

    private static string Deck(int lesson) => $"Bench::Deck{lesson % 5}";

    private static string Text(int lesson, int n, string start) => string.Create(CultureInfo.InvariantCulture, $"{start} item {n} of lesson {lesson}?");
}
