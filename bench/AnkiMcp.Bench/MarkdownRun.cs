namespace AnkiMcp.Bench;

/// <summary>One measured run of <see cref="MarkdownBenchmark"/>: a collection parsed and every field rendered to HTML.</summary>
/// <param name="Notes">Notes in the collection.</param>
/// <param name="Label">"cold" (the first run in the process) or "warm".</param>
/// <param name="ParseRender">Wall time to parse the collection and render every field.</param>
/// <param name="ParseRenderCpu">The process's CPU time over the same span.</param>
/// <param name="PeakWorkingSet">The process's peak working set after the run, in bytes.</param>
internal sealed record MarkdownRun(int Notes, string Label, TimeSpan ParseRender, TimeSpan ParseRenderCpu, long PeakWorkingSet)
{
    public double NotesPerSecond => Notes / ParseRender.TotalSeconds;

    public double NotesPerCpuSecond => Notes / ParseRenderCpu.TotalSeconds;

    public double PeakMegabytes => PeakWorkingSet / 1024.0 / 1024.0;
}
