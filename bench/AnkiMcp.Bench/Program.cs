using AnkiMcp.Bench;

// Benchmarks by name; add yours with one line. Run: dotnet run -c Release --project bench/AnkiMcp.Bench -- <name>
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["client"] = ClientBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out Func<string[], Task>? run))
{
    Console.Error.WriteLine($"usage: AnkiMcp.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}
await run(args[1..]);
return 0;
