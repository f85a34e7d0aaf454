namespace AnkiMcp.Bench;

/// <summary>One timed operation.</summary>
internal sealed record Measurement(string Name, TimeSpan Elapsed, long AllocatedBytes, int Requests);
