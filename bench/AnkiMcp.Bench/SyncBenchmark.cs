using System.Diagnostics;
using System.Globalization;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Sync;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// The sync engine warm, in this process, on a <see cref="GeneratedCollection"/> (default 10,000 notes) against the
/// in-process AnkiConnect emulator over real HTTP: first import, a no-op sync, and a sync after 100 edits on each side.
/// Prints wall time and AnkiConnect requests (HTTP requests and actions). <see cref="AsRunBenchmark"/> measures the
/// packed tool in fresh processes, as people run it.
/// </summary>
internal static class SyncBenchmark
{
    public const string Name = "sync";
    private const int EditsPerSide = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int notes = args.Contains("--quick") ? 2_000 : BenchArguments.IntOption(args, "--notes") ?? 10_000;
        string collection = GeneratedCollection.NewFolder("sync");
        await using Emulator emulator = await Emulator.StartAsync();
        using AnkiConnectClient client = new(new AnkiConnectOptions(emulator.Url));
        SyncEngine engine = new(collection, client);
        try
        {
            GeneratedCollection.Write(collection, notes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sync benchmark: {notes:N0} notes in {GeneratedCollection.Decks} decks, emulator over HTTP"));

            await MeasureAsync("first import (markdown-to-anki)", emulator, () => engine.MarkdownToAnkiAsync(new SyncOptions(), CancellationToken.None));
            for (int run = 1; run <= 3; run++)
                await MeasureAsync($"no-op sync #{run}", emulator, () => engine.SyncAsync(new SyncOptions(), CancellationToken.None));
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
                await PhasesAsync(collection, client);

            EditMarkdown(collection, EditsPerSide);
            EditAnki(emulator, EditsPerSide);
            await MeasureAsync($"sync after {EditsPerSide} edits on each side", emulator, () => engine.SyncAsync(new SyncOptions(), CancellationToken.None));
            await MeasureAsync("no-op sync after that", emulator, () => engine.SyncAsync(new SyncOptions(), CancellationToken.None));
            return 0;
        }
        finally
        {
            Directory.Delete(collection, recursive: true);
        }
    }

    private static async Task MeasureAsync(string label, Emulator emulator, Func<Task<SyncReport>> sync)
    {
        emulator.ResetCounters();
        Stopwatch clock = Stopwatch.StartNew();
        SyncReport report = await sync();
        clock.Stop();
        string actions = string.Join(", ", emulator.ActionCounts.Where(pair => pair.Key != "multi").OrderByDescending(pair => pair.Value).Take(6).Select(pair => $"{pair.Key} {pair.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-40} {clock.Elapsed.TotalMilliseconds,9:N0} ms  {emulator.HttpRequestCount,3} requests  {report.Plan.Changes.Count,6} changes  ({actions})"));
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
            Console.WriteLine(AnkiMcp.Cli.SyncReportPrinter.ToPlainText(report));
    }

    // Where a no-op sync's time goes, for BENCH_VERBOSE runs.
    private static async Task PhasesAsync(string collection, AnkiConnectClient client)
    {
        Stopwatch clock = Stopwatch.StartNew();
        LocalCollection local = LocalCollection.Load(collection);
        Console.WriteLine($"    parse + fingerprints: {clock.ElapsedMilliseconds} ms ({local.Notes.Count} notes)");
        clock.Restart();
        using SyncStateStore store = SyncStateStore.Open(collection);
        IReadOnlyDictionary<string, NoteSyncState> state = store.LoadNotes();
        Console.WriteLine($"    state: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        AnkiCollectionReader reader = new(client);
        AnkiSnapshot snapshot = await reader.ReadSnapshotAsync([.. local.Types.Keys], CancellationToken.None);
        Console.WriteLine($"    request 1 (profile, types, findNotes, findCards): {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        Dictionary<string, LocalNote> byKey = local.Notes.ToDictionary(note => note.Key!, StringComparer.Ordinal);
        AnkiModTimes modTimes = await reader.ReadModTimesAsync(snapshot, [.. local.Types.Keys], null, CancellationToken.None);
        IReadOnlyList<RemoteNote> remote = await reader.ReadNotesAsync(snapshot, modTimes, local.Types, state.Values.ToDictionary(note => note.NoteId), store.AnkiClock,
            known => byKey.TryGetValue(known.NoteKey, out LocalNote? note) && note.Fingerprint == known.MarkdownFingerprint, CancellationToken.None);
        Console.WriteLine($"    request 2+ (mod times, decks, changed notes): {clock.ElapsedMilliseconds} ms ({remote.Count(note => !note.IsUnchangedSummary)} read in full)");
        clock.Restart();
        new SyncPlanner(SyncDirection.TwoWay, new SyncOptions(), (_, _) => true, NoteKey.New).Plan(local.Notes, remote, state);
        Console.WriteLine($"    plan: {clock.ElapsedMilliseconds} ms");
    }

    private static void EditMarkdown(string collection, int edits)
    {
        foreach (string path in Directory.GetFiles(collection, "Bench__Deck*.md").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            int perDeck = edits / GeneratedCollection.Decks;
            for (int e = 0, at = 0; e < perDeck; e++)
            {
                at = text.IndexOf("Extra for note ", at, StringComparison.Ordinal);
                text = text.Insert(at, "Edited in Markdown. ");
                at += 40;
            }
            File.WriteAllText(path, text);
        }
    }

    // The notes generated last, so that no note is edited on both sides (that would be a conflict, measured elsewhere).
    private static void EditAnki(Emulator emulator, int edits)
    {
        List<long> ids = emulator.Inspect(collection => collection.Notes
            .Where(note => note.Model.Name == "AnkiMcpQA")
            .OrderByDescending(note => int.Parse(note["Question"].Split(' ', ':')[1], CultureInfo.InvariantCulture))
            .Take(edits)
            .Select(note => note.Id)
            .ToList());
        foreach (long id in ids)
            emulator.EditNote(id, "Answer", "Edited in Anki");
    }
}
