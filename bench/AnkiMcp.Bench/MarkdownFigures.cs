namespace AnkiMcp.Bench;

/// <summary>What <see cref="MarkdownBenchmark.Measure"/> found: the cold run, then a warm run per collection size.</summary>
internal sealed record MarkdownFigures(MarkdownRun Cold, IReadOnlyList<MarkdownRun> Warm)
{
    /// <summary>The warm run at the largest size.</summary>
    public MarkdownRun Largest => Warm[^1];
}
