using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AnkiMcp.Core.Markdown.NoteTypes;
using ModelContextProtocol.Client;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// Issue 13's targets measured as people run the tool: the packed <c>ankimcp</c> installed with <c>dotnet tool
/// install</c>, a fresh process per command, against the AnkiConnect emulator over real HTTP on 127.0.0.1. The
/// emulator reports the time it spent answering, so the tool's own time (wall less Anki's) is told apart. Prints each
/// target with its figure, the value it is judged by and met/NOT MET; exits with 1 when a target is not met.
/// The Markdown targets are measured in this process (parse + render needs no process of its own).
/// Options: <c>--tool PATH</c> (an installed ankimcp instead of packing this repository), <c>--only S[,S]</c> (sections:
/// markdown, sync, mcp), <c>--notes N</c> (10,000), <c>--large N</c> (100,000), <c>--runs N</c> (steady no-op runs, 7),
/// <c>--imports N</c> (first imports, 3).
/// </summary>
internal static class AsRunBenchmark
{
    public const string Name = "as-run";
    private const int StartRuns = 11;
    private const int FirstCallRuns = 5;
    private const int LessonWarmup = 10;
    private const int Lessons = 60;
    private static readonly string[] Sections = ["markdown", "sync", "mcp"];

    public static async Task<int> RunAsync(string[] args)
    {
        int notes = BenchArguments.IntOption(args, "--notes") ?? 10_000;
        int large = BenchArguments.IntOption(args, "--large") ?? 100_000;
        int steadyRuns = BenchArguments.IntOption(args, "--runs") ?? 7;
        int imports = BenchArguments.IntOption(args, "--imports") ?? 3;
        string? toolPath = BenchArguments.Option(args, "--tool");
        string[] sections = BenchArguments.Option(args, "--only")?.Split(',') ?? Sections;
        if (sections.Except(Sections).FirstOrDefault() is string unknown)
        {
            await Console.Error.WriteLineAsync($"Unknown section '{unknown}' in --only; the sections are {string.Join(", ", Sections)}.");
            return 2;
        }

        using PackedTool tool = toolPath is null ? await PackedTool.InstallAsync() : PackedTool.Existing(toolPath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"as-run benchmark: {tool.Executable}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, load average {LoadAverage()}"));
        Console.WriteLine("Each command is a fresh process with stdout and stderr redirected; Anki = the emulator's time answering requests; own = wall - Anki;");
        Console.WriteLine("CPU = the command's CPU time on all cores (what it computed, which a busy machine does not inflate).");

        List<TargetCheck> checks = [];
        List<string> informational = [];
        // First, while this process holds nothing else: its peak working set is the Markdown benchmark's.
        if (sections.Contains("markdown"))
            checks.AddRange(MarkdownChecks(MarkdownBenchmark.Measure([10_000, 50_000])));
        if (sections.Contains("sync"))
            checks.AddRange(await SyncChecksAsync(tool, notes, large, imports, steadyRuns, informational));
        if (sections.Contains("mcp"))
            checks.AddRange(McpChecks(await McpAsync(tool), informational));

        Console.WriteLine();
        Console.WriteLine("Informational:");
        foreach (string line in informational)
            Console.WriteLine("  " + line);
        Console.WriteLine();
        Console.WriteLine($"Targets (load average now {LoadAverage()}):");
        TargetCheck.Print(checks);
        return checks.TrueForAll(check => check.Met) ? 0 : 1;
    }

    private static IEnumerable<TargetCheck> MarkdownChecks(MarkdownFigures figures)
    {
        MarkdownRun warm = figures.Largest;
        string cold = string.Create(CultureInfo.InvariantCulture,
            $"cold (first run in the process, {Count(figures.Cold.Notes)} notes) {figures.Cold.NotesPerSecond:N0} notes/s");
        return
        [
            new($"Markdown parse + render, {Count(warm.Notes)} notes, warm",
                string.Create(CultureInfo.InvariantCulture, $"{warm.ParseRender.TotalMilliseconds:F0} ms wall ({warm.NotesPerCpuSecond:N0} notes per CPU-second); {cold}"),
                "notes/s", Math.Round(warm.NotesPerSecond), 50_000, "≥ 50,000", AtLeast: true),
            new($"Markdown peak memory at {Count(warm.Notes)} notes", "peak working set of the benchmark process after parsing and rendering them",
                "MB", Math.Round(warm.PeakMegabytes), 200, "< 200 MB", StrictlyBelow: true),
        ];
    }

    private static async Task<IEnumerable<TargetCheck>> SyncChecksAsync(PackedTool tool, int notes, int large, int imports, int steadyRuns, List<string> informational)
    {
        TimeSpan start = await StartAsync(tool);
        SyncFigures small = await SyncAsync(tool, notes, imports, steadyRuns);
        SyncFigures big = await SyncAsync(tool, large, imports: 1, steadyRuns: Math.Max(3, steadyRuns - 2));

        informational.Add($"start (`ankimcp sync --help`): median {Ms(start)}");
        foreach (SyncFigures figures in new[] { small, big })
        {
            string n = Count(figures.Notes);
            informational.Add($"first import, {n} notes: {Describe(figures.Import)}");
            informational.Add($"no-op right after the import, {n} notes: {Runs(figures.RightAfter)}");
            informational.Add($"steady no-op, {n} notes: wall {Ms(figures.NoOp.Wall)} = {Ratio(figures.NoOp.Wall, start):F1}× start, Anki {Ms(figures.NoOp.Anki)}, own {Ms(figures.NoOp.Own)}, CPU {Cpu(figures.NoOp)}");
        }

        string smallText = Count(notes);
        return
        [
            new($"first import, {smallText} notes: requests", Runs(small.Imports), "max requests", small.Imports.Max(run => run.Requests), 20, "≤ 20"),
            new($"first import, {smallText} notes: own time", Runs(small.Imports), "median own s", Seconds(small.Import.Own), 1.5, "≤ 1.5 s"),
            new($"no-op sync, {smallText} notes: requests", Runs(small.Steady), "max requests", small.Steady.Max(run => run.Requests), 3, "≤ 3"),
            new($"no-op sync, {smallText} notes: own time", $"median own {Ms(small.NoOp.Own)} / start {Ms(start)}; {Runs(small.Steady)}",
                "× start", Ratio(small.NoOp.Own, start), 3, "≤ 3×"),
            new($"no-op sync, {Count(large)} notes: own time", $"median own {Ms(big.NoOp.Own)} / {Ms(small.NoOp.Own)} at {smallText}; {Runs(big.Steady)}",
                $"× {smallText}", Ratio(big.NoOp.Own, small.NoOp.Own), 2, "≤ 2×"),
        ];
    }

    private static IEnumerable<TargetCheck> McpChecks(McpFigures mcp, List<string> informational)
    {
        informational.Add($"MCP lesson loop, wall round trips over stdio including Anki: {string.Join("; ", McpLesson.Calls.Select(call => $"{call.Label} {mcp.Walls[call.Label].MedianMs:F1} ms"))}");
        return
        [
            new("MCP: first tool call after serve starts", $"spawn to propose_cards answered, {FirstCallRuns} fresh processes: {string.Join(", ", mcp.FirstCalls.Select(Ms))}",
                "median s", Seconds(Median(mcp.FirstCalls)), 1, "< 1 s", StrictlyBelow: true),
            .. McpLesson.Calls.Select(call => new TargetCheck($"MCP: {call.Label}, Anki excluded", mcp.Calls[call.Label].ToString(), "median ms",
                mcp.Calls[call.Label].MedianMs, 20, "< 20 ms", StrictlyBelow: true)),
        ];
    }

    private static async Task<TimeSpan> StartAsync(PackedTool tool)
    {
        List<TimeSpan> walls = [];
        for (int run = 0; run <= StartRuns; run++)
        {
            ToolRun help = (await ToolRun.RunAsync(tool.Executable, null, "sync", "--help")).EnsureSuccess("ankimcp sync --help");
            if (run > 0)
                walls.Add(help.Wall);
        }
        Console.WriteLine($"start: `ankimcp sync --help` median {Ms(Median(walls))} of {StartRuns} ({Ms(walls.Min())}–{Ms(walls.Max())})");
        return Median(walls);
    }

    private static async Task<SyncFigures> SyncAsync(PackedTool tool, int notes, int imports, int steadyRuns)
    {
        string template = GeneratedCollection.NewFolder($"as-run-{notes}");
        GeneratedCollection.Write(template, notes);
        SyncFigures figures = new(notes);
        try
        {
            for (int import = 1; import <= imports; import++)
            {
                string collection = GeneratedCollection.NewFolder($"as-run-{notes}-{import}");
                CopyFiles(template, collection);
                await using Emulator emulator = await Emulator.StartAsync();
                try
                {
                    ToolRun first = await SyncOnceAsync(tool, emulator, collection, $"first import #{import}, {Count(notes)} notes");
                    int inAnki = emulator.Inspect(anki => anki.Notes.Count);
                    if (inAnki != notes)
                        throw new InvalidOperationException($"After the first import Anki holds {inAnki} notes, not {notes}:\n{first.Output}");
                    figures.Imports.Add(first);
                    figures.RightAfter.Add(await NoOpAsync(tool, emulator, collection, $"no-op right after import #{import}"));
                    if (import == imports)
                    {
                        for (int run = 1; run <= steadyRuns; run++)
                            figures.Steady.Add(await NoOpAsync(tool, emulator, collection, $"steady no-op #{run}"));
                    }
                }
                finally
                {
                    Directory.Delete(collection, recursive: true);
                }
            }
            return figures;
        }
        finally
        {
            Directory.Delete(template, recursive: true);
        }
    }

    private static async Task<ToolRun> NoOpAsync(PackedTool tool, Emulator emulator, string collection, string label)
    {
        ToolRun run = await SyncOnceAsync(tool, emulator, collection, label);
        if (!run.Headline.Contains("nothing to do", StringComparison.Ordinal))
            throw new InvalidOperationException($"The {label} was not a no-op:\n{run.Output}");
        return run;
    }

    private static async Task<ToolRun> SyncOnceAsync(PackedTool tool, Emulator emulator, string collection, string label)
    {
        ToolRun run = (await ToolRun.RunAsync(tool.Executable, emulator, "sync", "--collection", collection, "--anki-url", emulator.Url.ToString())).EnsureSuccess(label);
        Console.WriteLine($"  {label,-44} {Describe(run)}   {run.Headline}");
        return run;
    }

    private static async Task<McpFigures> McpAsync(PackedTool tool)
    {
        string collection = GeneratedCollection.NewFolder("as-run-mcp");
        DefaultNoteTypes.WriteTo(collection);
        await using Emulator emulator = await Emulator.StartAsync();
        McpClientOptions options = new() { DiscoverProbeTimeout = TimeSpan.FromMinutes(1) };
        try
        {
            List<TimeSpan> firstCalls = [];
            for (int run = 0; run <= FirstCallRuns; run++)
            {
                long started = Stopwatch.GetTimestamp();
                await using McpClient fresh = await McpClient.CreateAsync(McpLesson.Serve(tool.Executable, [], collection, emulator.Url), options);
                await McpLesson.CallAsync(fresh, "propose_cards", run);
                TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                if (run > 0)
                    firstCalls.Add(elapsed);
            }
            Console.WriteLine($"MCP first call (spawn `ankimcp serve`, initialize, propose_cards): {string.Join(", ", firstCalls.Select(Ms))}");

            Dictionary<string, List<double>> own = McpLesson.Calls.ToDictionary(call => call.Label, _ => new List<double>());
            Dictionary<string, List<double>> wall = McpLesson.Calls.ToDictionary(call => call.Label, _ => new List<double>());
            await using McpClient client = await McpClient.CreateAsync(McpLesson.Serve(tool.Executable, [], collection, emulator.Url), options);
            for (int lesson = 0; lesson < LessonWarmup + Lessons; lesson++)
            {
                foreach ((string name, string label) in McpLesson.Calls)
                {
                    emulator.ResetCounters();
                    long started = Stopwatch.GetTimestamp();
                    await McpLesson.CallAsync(client, name, FirstCallRuns + 1 + lesson);
                    TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                    if (lesson >= LessonWarmup)
                    {
                        wall[label].Add(elapsed.TotalMilliseconds);
                        own[label].Add((elapsed - emulator.BusyTime).TotalMilliseconds);
                    }
                }
            }
            McpFigures figures = new(firstCalls,
                own.ToDictionary(pair => pair.Key, pair => LatencyStats.From(pair.Key, pair.Value)),
                wall.ToDictionary(pair => pair.Key, pair => LatencyStats.From(pair.Key, pair.Value)));
            Console.WriteLine($"MCP lesson loop through one `ankimcp serve`, {Lessons} lessons of {McpLesson.CardsPerLesson} cards ({LessonWarmup} warm-up), Anki excluded:");
            foreach ((_, string label) in McpLesson.Calls)
                Console.WriteLine("  " + figures.Calls[label]);
            return figures;
        }
        finally
        {
            Directory.Delete(collection, recursive: true);
        }
    }

    private static void CopyFiles(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Describe(ToolRun run) => $"wall {Ms(run.Wall)}, Anki {Ms(run.Anki)}, own {Ms(run.Own)}, CPU {Cpu(run)}, {run.Requests} requests";

    private static string Cpu(ToolRun run) => run.Cpu is TimeSpan cpu ? Ms(cpu) : "n/a";

    private static string Runs(List<ToolRun> runs) =>
        $"median wall {Ms(Median(runs.Select(run => run.Wall)))}, Anki {Ms(Median(runs.Select(run => run.Anki)))}, own {Ms(Median(runs.Select(run => run.Own)))}, "
        + $"CPU {(runs.TrueForAll(run => run.Cpu is not null) ? Ms(Median(runs.Select(run => run.Cpu!.Value))) : "n/a")}, {string.Join("/", runs.Select(run => run.Requests).Distinct())} requests, {runs.Count} runs";

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        TimeSpan[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Ratio(TimeSpan value, TimeSpan of) => value / of;

    private static double Seconds(TimeSpan value) => value.TotalSeconds;

    private static string Ms(TimeSpan value) => value.TotalSeconds >= 10
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:F1} s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:F0} ms");

    private static string Count(int notes) => notes.ToString("N0", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The sync runs at one collection size: first imports, the no-op right after each, and steady no-ops.</summary>
    private sealed class SyncFigures(int notes)
    {
        public int Notes { get; } = notes;

        public List<ToolRun> Imports { get; } = [];

        public List<ToolRun> RightAfter { get; } = [];

        public List<ToolRun> Steady { get; } = [];

        /// <summary>The first import with the median own time.</summary>
        public ToolRun Import => Imports.OrderBy(run => run.Own).ElementAt(Imports.Count / 2);

        /// <summary>The steady no-op with the median own time.</summary>
        public ToolRun NoOp => Steady.OrderBy(run => run.Own).ElementAt(Steady.Count / 2);
    }

    /// <summary>The MCP figures: first calls after a fresh start, and per-call statistics of the lesson loop.</summary>
    private sealed record McpFigures(IReadOnlyList<TimeSpan> FirstCalls, IReadOnlyDictionary<string, LatencyStats> Calls, IReadOnlyDictionary<string, LatencyStats> Walls);
}
