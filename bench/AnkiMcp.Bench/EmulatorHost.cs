using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// For profiling one command by hand: starts the emulator, writes a <see cref="GeneratedCollection"/> of
/// <c>--notes N</c> (10,000) into <c>--collection DIR</c>, imports it with <c>--tool PATH</c> (an installed ankimcp;
/// without it the import is left to the person profiling), prints the AnkiConnect URL, and serves until Enter is
/// pressed or input ends.
/// </summary>
internal static class EmulatorHost
{
    public const string Name = "emulator";

    public static async Task<int> RunAsync(string[] args)
    {
        int notes = BenchArguments.IntOption(args, "--notes") ?? 10_000;
        string? collection = BenchArguments.Option(args, "--collection");
        string? tool = BenchArguments.Option(args, "--tool");
        if (collection is null)
        {
            await Console.Error.WriteLineAsync("Usage: emulator --collection DIR [--tool PATH] [--notes N]");
            return 2;
        }
        GeneratedCollection.Write(collection, notes);
        await using Emulator emulator = await Emulator.StartAsync();
        if (tool is not null)
        {
            ToolRun import = (await ToolRun.RunAsync(tool, emulator, "sync", "--collection", collection, "--anki-url", emulator.Url.ToString())).EnsureSuccess("first import");
            Console.WriteLine($"imported: {import.Headline} (wall {import.Wall.TotalMilliseconds:F0} ms, Anki {import.Anki.TotalMilliseconds:F0} ms, {import.Requests} requests)");
        }
        Console.WriteLine($"ankimcp sync --collection {collection} --anki-url {emulator.Url}");
        Console.WriteLine("Serving; press Enter to stop.");
        await Console.In.ReadLineAsync();
        Console.WriteLine($"since the import: {emulator.HttpRequestCount} requests, Anki busy {emulator.BusyTime.TotalMilliseconds:F0} ms");
        return 0;
    }
}
