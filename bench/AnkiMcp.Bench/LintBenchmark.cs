using System.Diagnostics;
using System.Globalization;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;
using AnkiMcp.Tests.Quality;

namespace AnkiMcp.Bench;

/// <summary>
/// The card linter against its labelled corpus (tests/AnkiMcp.Tests/Quality): precision and recall per rule and
/// overall, the share of good cards flagged, and every mistake. Then its speed: cards linted per second, and the
/// duplicate search over a collection of 10,000 and 50,000 notes as <c>ankimcp lint</c> runs it.
/// Targets: precision ≥ 0.9 on the bad cards; at most 5% of good cards flagged.
/// </summary>
internal static class LintBenchmark
{
    public const string Name = "lint";

    private static readonly string[] s_subjects = ["Rust", "Python", "PostgreSQL", "Git", "Kubernetes", "TCP", "German", "biology", "C#", "Go"];
    private static readonly string[] s_verbs = ["does", "returns", "changes", "prevents", "guarantees", "stores", "locks", "copies", "frees", "sorts"];

    public static Task<int> RunAsync(string[] args)
    {
        LintScore score = LintScore.Of(LintCorpus.Cards, LintCorpus.Existing);
        LintScore later = LintScore.Of(LintCorpus.LaterCards, LintCorpus.Existing);
        LintScore blind = LintScore.Of(LintCorpus.BlindCards, LintCorpus.Existing);
        int bad = LintCorpus.Cards.Count(card => !card.IsGood);
        Console.WriteLine($"Card linter on its corpus: {LintCorpus.Cards.Count} cards ({score.GoodCards} good, {bad} bad with {LintCorpus.Cards.Sum(c => c.ExpectedRules.Count)} labels)");
        Console.WriteLine($"  {"rule",-22} {"right",5} {"wrong",5} {"missed",6} {"precision",9} {"recall",7}");
        foreach (RuleScore rule in score.Rules)
            Console.WriteLine(Invariant($"  {rule.Rule,-22} {rule.Right,5} {rule.Wrong,5} {rule.Missed,6} {Ratio(rule.Right, rule.Right + rule.Wrong),9} {Ratio(rule.Right, rule.Right + rule.Missed),7}"));
        Console.WriteLine(Invariant($"  {"all rules",-22} {score.RightFlags,5} {score.WrongFlags,5} {score.MissedLabels,6} {score.Precision,9:F3} {score.Recall,7:F3}"));
        Console.WriteLine(Invariant($"  good cards flagged: {score.GoodCardsFlagged} of {score.GoodCards} ({score.GoodFlaggedShare:P1})"));
        foreach (string mistake in score.Mistakes)
            Console.WriteLine($"    {mistake}");
        PrintPart("written after the rules were tuned", LintCorpus.LaterCards.Count, later);
        PrintPart("written last, labelled before the linter saw them", LintCorpus.BlindCards.Count, blind);

        MeasureLint();
        foreach (int size in args.Contains("--quick") ? [2_000, 10_000] : new[] { 10_000, 50_000 })
            MeasureDuplicates(size);
        bool met = score.Precision >= 0.9 && score.GoodFlaggedShare <= 0.05;
        Console.WriteLine(met ? "Targets met." : "Targets NOT met.");
        return Task.FromResult(met ? 0 : 1);
    }

    private static void PrintPart(string what, int cards, LintScore part) =>
        Console.WriteLine(Invariant($"  of which {what} ({cards} cards): precision {part.Precision:F3}, recall {part.Recall:F3}, good cards flagged {part.GoodCardsFlagged} of {part.GoodCards} ({part.GoodFlaggedShare:P1})"));

    private static void MeasureLint()
    {
        CardDraft[] drafts = [.. LintCorpus.Cards.Select(card => card.Draft)];
        // Long enough for the JIT's optimised tier, which a busy machine compiles late.
        Stopwatch warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
            _ = drafts.Sum(draft => CardLinter.Lint(draft).Count);
        const int rounds = 200;
        int cards = drafts.Length * rounds, flags = 0;
        (TimeSpan wall, TimeSpan cpu) = Timed(() =>
        {
            for (int round = 0; round < rounds; round++)
                flags += drafts.Sum(draft => CardLinter.Lint(draft).Count);
        });
        Console.WriteLine(Invariant($"  lint one card:  {wall.TotalMilliseconds * 1000 / cards,6:F1} µs wall, {cpu.TotalMilliseconds * 1000 / cards,6:F1} µs CPU per card ({cards:N0} cards, {flags / rounds} flags per pass)"));
    }

    // Generated first fields: mostly different questions, some repeated with other wording, as a large collection has.
    private static void MeasureDuplicates(int noteCount)
    {
        ExistingCard[] cards = new ExistingCard[noteCount];
        for (int i = 0; i < noteCount; i++)
        {
            // Every 50th note asks what the note before it asks, in other words.
            int asked = i % 50 == 49 ? i - 1 : i;
            string question = $"In {s_subjects[asked % s_subjects.Length]}, what {s_verbs[asked / 10 % s_verbs.Length]} `item{asked.ToString(CultureInfo.InvariantCulture)}` " +
                (asked == i ? $"do with a {s_subjects[i / 7 % s_subjects.Length]} value?" : $"do with {s_subjects[asked / 7 % s_subjects.Length]} values?");
            cards[i] = new ExistingCard("AnkiMcpQA", question, $"Bench.md line {i + 1}");
        }

        DuplicateFinder.FindAmong(cards);
        int found = 0;
        (TimeSpan wall, TimeSpan cpu) = Timed(() => found = DuplicateFinder.FindAmong(cards).Count);
        Console.WriteLine(Invariant($"  duplicates among {noteCount,6:N0} notes: {wall.TotalMilliseconds,6:F0} ms wall, {cpu.TotalMilliseconds,6:F0} ms CPU ({found} found)"));
    }

    // CPU time is printed next to wall time because the figures are often taken on a busy machine.
    private static (TimeSpan Wall, TimeSpan Cpu) Timed(Action action)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuStart = self.TotalProcessorTime;
        Stopwatch watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        self.Refresh();
        return (watch.Elapsed, self.TotalProcessorTime - cpuStart);
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("F3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
