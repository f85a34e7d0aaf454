using System.Globalization;

namespace AnkiMcp.Bench;

/// <summary>Mean, median and 95th percentile of a set of timings in milliseconds (the mean also averages out coarse clocks).</summary>
internal sealed record LatencyStats(string Name, int Count, double MeanMs, double MedianMs, double P95Ms, double MaxMs)
{
    public static LatencyStats From(string name, IReadOnlyCollection<double> milliseconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        return new LatencyStats(name, sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name,-24} n={Count,4}  mean {MeanMs,8:F2} ms  median {MedianMs,8:F2} ms  p95 {P95Ms,8:F2} ms  max {MaxMs,8:F2} ms");

    private static double Percentile(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
