using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnkiMcp.Core.Anki;

namespace AnkiMcp.Bench;

/// <summary>
/// Bulk AnkiConnect calls through <see cref="AnkiConnectClient"/> against the emulator over real HTTP on loopback:
/// addNotes of N notes in one request, notesInfo of N ids, findNotes over them. Usage: <c>client [N] [runs]</c>.
/// </summary>
internal static class ClientBenchmark
{
    public const string Name = "client";

    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"AnkiConnect client against the emulator (loopback HTTP), {count:N0} notes, best and median of {runs} runs");
        Console.WriteLine("Allocations are the whole process's: client and emulator run in it together.");
        await MeasureOnceAsync(200);
        var results = new List<Measurement[]>();
        for (int run = 0; run < runs; run++)
            results.Add(await MeasureOnceAsync(count));
        for (int i = 0; i < results[0].Length; i++)
        {
            Measurement[] samples = [.. results.Select(r => r[i]).OrderBy(m => m.Elapsed)];
            Measurement best = samples[0];
            Measurement median = samples[samples.Length / 2];
            Console.WriteLine(
                $"{best.Name,-34} best {best.Elapsed.TotalMilliseconds,8:F1} ms   median {median.Elapsed.TotalMilliseconds,8:F1} ms"
                + $"   {median.Elapsed.TotalMicroseconds / count,6:F1} µs/note   {median.AllocatedBytes / 1024.0 / 1024.0,7:F1} MiB   {median.Requests} request(s)");
        }
        return 0;
    }

    private static async Task<Measurement[]> MeasureOnceAsync(int count)
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        await client.CreateDeckAsync("Bench", CancellationToken.None);
        var notes = new List<AnkiNewNote>(count);
        for (int i = 0; i < count; i++)
        {
            notes.Add(new AnkiNewNote("Bench", "Basic", new Dictionary<string, string>
            {
                ["Front"] = $"Question {i}: what does <b>term {i}</b> mean?",
                ["Back"] = $"Answer {i}, with an explanation long enough to look like a real card's back side.",
            }, ["bench", $"group{i % 50}"]));
        }

        AnkiAddNotesResult added = default!;
        Measurement add = await MeasureAsync($"addNotes ({count:N0} in 1 request)", anki,
            async () => added = await client.AddNotesAsync(notes, CancellationToken.None));
        if (!added.AllAdded)
            throw new InvalidOperationException($"addNotes failed: {string.Join("; ", added.Errors.Take(3))}");
        long[] ids = [.. added.NoteIds.Select(id => id!.Value)];

        IReadOnlyList<AnkiNoteInfo> infos = [];
        Measurement info = await MeasureAsync($"notesInfo ({count:N0} ids)", anki,
            async () => infos = await client.NotesInfoAsync(ids, CancellationToken.None));
        if (infos.Count != count)
            throw new InvalidOperationException($"notesInfo returned {infos.Count} notes, expected {count}.");

        IReadOnlyList<long> found = [];
        Measurement find = await MeasureAsync("findNotes (deck:Bench)", anki,
            async () => found = await client.FindNotesAsync("deck:Bench", CancellationToken.None));
        if (found.Count != count)
            throw new InvalidOperationException($"findNotes returned {found.Count} notes, expected {count}.");

        // The client alone: the same calls answered with the emulator's recorded replies, without a server.
        byte[] addReply = Encoding.ASCII.GetBytes("{\"result\": [" + string.Join(", ", ids) + "], \"error\": null}");
        byte[] infoReply = await RecordAsync(anki.Url, "{\"action\": \"notesInfo\", \"version\": 6, \"params\": {\"notes\": [" + string.Join(",", ids) + "]}}");
        using var cannedAdd = new AnkiConnectClient(client.Options, new CannedReplyHandler(addReply));
        using var cannedInfo = new AnkiConnectClient(client.Options, new CannedReplyHandler(infoReply));
        Measurement addAlone = await MeasureAsync("  client alone: addNotes", anki, () => cannedAdd.AddNotesAsync(notes, CancellationToken.None));
        Measurement infoAlone = await MeasureAsync("  client alone: notesInfo", anki, () => cannedInfo.NotesInfoAsync(ids, CancellationToken.None));
        return [add, addAlone, info, infoAlone, find];
    }

    private static async Task<byte[]> RecordAsync(Uri url, string body)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        using HttpResponseMessage response = await http.PostAsync(url, content);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<Measurement> MeasureAsync(string name, AnkiConnectEmulator.AnkiConnectEmulator anki, Func<Task> action)
    {
        anki.ResetCounters();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        await action();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        return new Measurement(name, elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, anki.HttpRequestCount);
    }
}
