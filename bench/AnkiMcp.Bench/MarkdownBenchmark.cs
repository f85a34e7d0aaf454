using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Bench;

/// <summary>
/// Parses a generated collection (10,000 and 50,000 notes in decks of 500: prose, code in several languages, clozes,
/// lists, tables, math, images) and renders every field to Anki HTML, as a sync from Markdown does; then converts the
/// HTML back to Markdown, as a sync from Anki does. Prints notes per second and the process's peak memory.
/// Targets: ≥ 50,000 notes/s parsed + rendered; &lt; 200 MB peak at 50,000 notes.
/// </summary>
internal static class MarkdownBenchmark
{
    public const string Name = "markdown";
    private const int NotesPerDeck = 500;

    private static readonly string[] s_notes =
    [
        "Q: What does the mitochondrion do?\nA: It produces **ATP** by oxidative phosphorylation.\nE: Often called the *powerhouse* of the cell.",
        "T: The {{c1::mitochondrion}} has its own {{c2::DNA::genome}}.\nE: Inherited from the mother.",
        "Q: What does this Python print?\nA:\n```python\ndef double(x):\n    return x * 2  # twice\n\nprint(double(21))\n```\nE: `42`",
        "Q: Order of operations in SQL?\nA:\n1. `FROM` and `JOIN`\n2. `WHERE`\n3. `GROUP BY`\n   - then `HAVING`\n4. `SELECT`\n5. `ORDER BY`",
        "Q: Which are prime?\nC1: 2\nC2: 4\nC3: 5\nC4: 9\nA: 1, 3",
        "Q: Why does ice float?\nCHAIN: Hydrogen bonds hold molecules apart\n→ open hexagonal lattice\n→ lower density than liquid water\n→ buoyancy",
        "BROKEN:\n```csharp\nif (x = 1) { Console.WriteLine(\"one\"); }\n```\nFIX:\n```csharp\nif (x == 1) { Console.WriteLine(\"one\"); }\n```\nWHY: `=` assigns; C# rejects an int as a condition.",
        "Q: Derivative of \\(x^n\\)?\nA: \\[\\frac{d}{dx} x^n = n x^{n-1}\\]",
        "Q: Complexity of common operations?\nA:\n| Structure | Lookup | Insert |\n| --- | :---: | ---: |\n| Array | O(1) | O(n) |\n| Hash map | O(1) | O(1) |",
        "Q: What is shown here?\nA: ![cristae](media/cristae_1a2b3c4d.png){width=400}\n> Inner membrane folds increase the surface.\nM: See [the article](https://example.com/mito) for more.",
        "Q: Capital of Australia?\nA: Canberra\nE: Not Sydney, which is larger.\nM: Chosen in 1908 as a compromise between Sydney and Melbourne.",
        "T: In Go, {{c1::goroutines}} communicate through {{c2::channels}}:\n```go\nch := make(chan int)\ngo func() { ch <- 42 }()\n```",
    ];

    public static Task<int> RunAsync(string[] args)
    {
        Measure(args.Contains("--quick") ? [2_000, 10_000] : [10_000, 50_000]);
        return Task.FromResult(0);
    }

    /// <summary>
    /// Measures a cold run at the first size, then (after a warm-up) a warm run at each size, printing each; the peak
    /// working set is the process's, so run this before anything else big in the process.
    /// </summary>
    public static MarkdownFigures Measure(int[] sizes)
    {
        Console.WriteLine("Markdown collection benchmark (parse + render every field to Anki HTML; then HTML back to Markdown)");
        // The first run shows a cold process (the JIT's quick first tier); the runs after a warm-up show the optimised
        // code a long-running server or a large sync reaches.
        MarkdownRun cold = RunOne(sizes[0], "cold")!;
        for (int i = 0; i < 4; i++)
            RunOne(5_000, label: null);
        return new MarkdownFigures(cold, [.. sizes.Select(size => RunOne(size, "warm")!)]);
    }

    private static MarkdownRun? RunOne(int noteCount, string? label)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ankimcp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            DefaultNoteTypes.WriteTo(dir);
            Generate(dir, noteCount);
            GC.Collect();
            GC.WaitForPendingFinalizers();

            using Process self = Process.GetCurrentProcess();
            TimeSpan cpuStart = self.TotalProcessorTime;
            Stopwatch watch = Stopwatch.StartNew();
            MarkdownCollection collection = MarkdownCollection.Load(dir);
            TimeSpan parsed = watch.Elapsed;
            self.Refresh();
            TimeSpan parsedCpu = self.TotalProcessorTime - cpuStart;
            List<string> html = new(noteCount * 3);
            int notes = 0;
            foreach (DeckFile deck in collection.Decks)
            {
                foreach (MarkdownNote note in deck.Notes)
                {
                    notes++;
                    foreach (string value in note.Fields.Values)
                    {
                        if (value.Length > 0)
                            html.Add(AnkiHtmlRenderer.ToHtml(value));
                    }
                }
            }
            TimeSpan rendered = watch.Elapsed;
            self.Refresh();
            TimeSpan renderedCpu = self.TotalProcessorTime - cpuStart;
            cpuStart = self.TotalProcessorTime;
            watch.Restart();
            long markdownChars = 0;
            foreach (string field in html)
                markdownChars += AnkiHtmlConverter.ToMarkdown(field).Length;
            TimeSpan converted = watch.Elapsed;
            self.Refresh();
            TimeSpan convertedCpu = self.TotalProcessorTime - cpuStart;

            if (collection.Errors.Count > 0 || notes != noteCount)
                throw new InvalidOperationException($"Generated collection did not load cleanly: {notes} notes, {collection.Errors.Count} errors, first: {(collection.Errors.Count > 0 ? collection.Errors[0] : null)}");
            if (label is null)
                return null;
            // CPU time is printed next to wall time because the figures are often taken on a busy machine.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {noteCount:N0} notes in {collection.Decks.Count} decks, {label} ({markdownChars:N0} chars of Markdown back):"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    parse            {parsed.TotalMilliseconds,7:F0} ms wall {noteCount / parsed.TotalSeconds,9:N0} notes/s | {parsedCpu.TotalMilliseconds,7:F0} ms CPU {noteCount / parsedCpu.TotalSeconds,9:N0} notes/CPU-s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    parse + render   {rendered.TotalMilliseconds,7:F0} ms wall {noteCount / rendered.TotalSeconds,9:N0} notes/s | {renderedCpu.TotalMilliseconds,7:F0} ms CPU {noteCount / renderedCpu.TotalSeconds,9:N0} notes/CPU-s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    HTML → Markdown  {converted.TotalMilliseconds,7:F0} ms wall {noteCount / converted.TotalSeconds,9:N0} notes/s | {convertedCpu.TotalMilliseconds,7:F0} ms CPU {noteCount / convertedCpu.TotalSeconds,9:N0} notes/CPU-s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0,7:F0} MB"));
            return new MarkdownRun(noteCount, label, rendered, renderedCpu, self.PeakWorkingSet64);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Generate(string dir, int noteCount)
    {
        StringBuilder deck = new();
        for (int start = 0; start < noteCount; start += NotesPerDeck)
        {
            deck.Clear();
            for (int i = start; i < Math.Min(noteCount, start + NotesPerDeck); i++)
            {
                if (i > start)
                    deck.Append("\n\n---\n\n");
                deck.Append("<!-- note_key: ").Append(i.ToString("x12", CultureInfo.InvariantCulture)).Append(" -->\n");
                if (i % 3 == 0)
                    deck.Append("<!-- tags: bench topic::").Append(i % 7).Append(" -->\n");
                deck.Append(s_notes[i % s_notes.Length].Replace("Canberra", "Canberra " + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
            deck.Append('\n');
            File.WriteAllText(Path.Combine(dir, $"Bench__Deck{start / NotesPerDeck:D3}.md"), deck.ToString());
        }
    }
}
