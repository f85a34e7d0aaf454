using System.Diagnostics;
using System.Globalization;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Bench;

/// <summary>
/// Renders hostile fields (one pattern repeated 2,500 / 5,000 / 10,000 / 20,000 times: unclosed links, brackets, emphasis
/// that never closes, math that never closes, deep quotes and lists, …) and prints the time per size. Time must grow
/// linearly: about ×8 from 2,500 to 20,000. Nesting beyond the parser's limit must end in a clean error, not a crash.
/// Target: every pattern within ×12 from 2,500 to 20,000 repetitions.
/// </summary>
internal static class HostileMarkdownBenchmark
{
    public const string Name = "hostile";

    private static int[] s_sizes = [2_500, 5_000, 10_000, 20_000];

    private static readonly (string Name, Func<int, string> Field)[] s_patterns =
    [
        ("[a]( × n", n => Repeat("[a](", n)),
        ("[ × n", n => Repeat("[", n)),
        ("[a](b × n", n => Repeat("[a](b", n)),
        ("[a](<b × n", n => Repeat("[a](<b", n)),
        ("[a](b ( × n", n => Repeat("[a](b (", n)),
        ("![a]( × n", n => Repeat("![a](", n)),
        ("a] × n", n => Repeat("a]", n)),
        ("[a × n", n => Repeat("[a", n)),
        ("[ × n a ] × n", n => Repeat("[", n) + "a" + Repeat("]", n)),
        ("*a_ × n", n => Repeat("*a_ ", n)),
        ("**a × n", n => Repeat("**a ", n)),
        ("a** × n", n => Repeat("a** ", n)),
        ("==a × n", n => Repeat("==a ", n)),
        ("~~a × n", n => Repeat("~~a ", n)),
        ("backtick runs", n => string.Concat(Enumerable.Range(1, (int)Math.Sqrt(n)).Select(i => "a" + new string('`', i)))),
        ("\\( × n", n => Repeat("\\(", n)),
        ("\\[ × n", n => Repeat("\\[", n)),
        ("\\\\[ × n", n => Repeat("\\\\[x_1", n)),
        ("<a × n", n => Repeat("<a ", n)),
        ("<!-- × n", n => Repeat("<!-- ", n)),
        ("--> × n", n => Repeat("a --> ", n)),
        ("{width= × n", n => Repeat("![a](b){width=", n)),
        ("{{c1:: × n", n => Repeat("{{c1::", n)),
        ("> × n (quotes)", n => Repeat("> ", n) + "a"),
        ("nested lists", n => string.Concat(Enumerable.Range(0, n / 10).Select(i => new string(' ', 2 * (i % 200)) + "- a\n"))),
        ("| table |", n => "| a | b |\n| --- | --- |\n" + Repeat("| x | y |\n", n)),
        ("``` fences", n => Repeat("```\na\n", n)),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        if (args is ["--sizes", string sizes, ..])
            s_sizes = [.. sizes.Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture))];
        Console.WriteLine("Hostile fields rendered to Anki HTML: time per field at each size (ms, best of up to 5 runs), growth 2,500 → 20,000");
        Console.WriteLine(Invariant($"  {"pattern",-20}{string.Concat(s_sizes.Select(size => $"{size,11:N0}"))}   growth"));
        AnkiHtmlRenderer.ToHtml("warm *up* [a](b)");
        bool allLinear = true;
        foreach ((string name, Func<int, string> field) in s_patterns)
        {
            List<string> cells = [];
            List<double> times = [];
            foreach (int size in s_sizes)
            {
                (double ms, string? error) = Time(field(size));
                times.Add(ms);
                cells.Add(error is null ? Invariant($"{ms,11:F1}") : Invariant($"{ms,6:F1} err"));
            }
            double growth = times[^1] / Math.Max(times[0], 0.05);
            bool linear = growth <= 12 || times[^1] < 5;
            allLinear &= linear;
            Console.WriteLine(Invariant($"  {name,-20}{string.Concat(cells)}   ×{growth,-5:F1}{(linear ? "" : "  NOT LINEAR")}"));
        }
        foreach ((string name, Func<int, string> field) in s_patterns)
        {
            if (Time(field(20_000)).Error is { } error)
                Console.WriteLine($"  {name}: {error}");
        }
        Console.WriteLine(allLinear ? "Target met: every pattern grows linearly." : "Target NOT met.");
        return Task.FromResult(allLinear ? 0 : 1);
    }

    private static (double Ms, string? Error) Time(string field)
    {
        double best = double.MaxValue;
        string? error = null;
        Stopwatch total = Stopwatch.StartNew();
        for (int run = 0; run < 5 && (run == 0 || total.Elapsed < TimeSpan.FromSeconds(1)); run++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            try
            {
                AnkiHtmlRenderer.ToHtml(field);
            }
            catch (MarkdownTooDeepException e)
            {
                error = e.Message;
            }
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        return (best, error);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
