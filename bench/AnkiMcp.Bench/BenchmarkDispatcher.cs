namespace AnkiMcp.Bench;

/// <summary>Runs the benchmark named by the first argument: <c>dotnet run -c Release --project bench/AnkiMcp.Bench -- &lt;name&gt; [options]</c>.</summary>
internal static class BenchmarkDispatcher
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        [McpToolBenchmark.Name] = McpToolBenchmark.RunAsync,
        [ClientBenchmark.Name] = ClientBenchmark.RunAsync,
        [SyncBenchmark.Name] = SyncBenchmark.RunAsync,
        [AsRunBenchmark.Name] = AsRunBenchmark.RunAsync,
        [EmulatorHost.Name] = EmulatorHost.RunAsync,
        [MarkdownBenchmark.Name] = MarkdownBenchmark.RunAsync,
        [LintBenchmark.Name] = LintBenchmark.RunAsync,
        [HostileMarkdownBenchmark.Name] = HostileMarkdownBenchmark.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out Func<string[], Task<int>>? run))
        {
            await Console.Error.WriteLineAsync($"Usage: AnkiMcp.Bench <{string.Join('|', Benchmarks.Keys.Order(StringComparer.Ordinal))}> [options]");
            return 2;
        }

        return await run(args[1..]);
    }
}
