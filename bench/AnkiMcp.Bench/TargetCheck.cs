using System.Globalization;

namespace AnkiMcp.Bench;

/// <summary>One target of issue 13: the figure measured, the value it is judged by, the limit, and whether it holds.</summary>
/// <param name="Target">What is measured.</param>
/// <param name="Figure">The measurement as printed, with what it is made of.</param>
/// <param name="JudgedBy">The value compared with the limit, e.g. "2.4× start".</param>
/// <param name="Value">That value.</param>
/// <param name="Limit">The limit.</param>
/// <param name="LimitText">The limit as printed, e.g. "≤ 3×".</param>
/// <param name="StrictlyBelow">True for "&lt;" targets, false for "≤".</param>
/// <param name="AtLeast">True for "≥" targets (the value must reach the limit).</param>
internal sealed record TargetCheck(string Target, string Figure, string JudgedBy, double Value, double Limit, string LimitText, bool StrictlyBelow = false, bool AtLeast = false)
{
    public bool Met => AtLeast ? Value >= Limit : StrictlyBelow ? Value < Limit : Value <= Limit;

    public static void Print(IReadOnlyList<TargetCheck> checks)
    {
        int target = checks.Max(check => check.Target.Length);
        int judged = checks.Max(check => check.JudgedBy.Length);
        int limit = checks.Max(check => check.LimitText.Length);
        foreach (TargetCheck check in checks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {check.Target.PadRight(target)}  {check.JudgedBy.PadRight(judged)} {check.Value,10:0.###}  {check.LimitText.PadRight(limit)}  {(check.Met ? "met    " : "NOT MET")}  {check.Figure}"));
        }
        Console.WriteLine(checks.All(check => check.Met) ? "Every target met." : $"{checks.Count(check => !check.Met)} of {checks.Count} targets NOT MET.");
    }
}
