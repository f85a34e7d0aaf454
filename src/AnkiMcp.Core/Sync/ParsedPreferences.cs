namespace AnkiMcp.Core.Sync;

/// <summary>Conflict preferences as read by <see cref="PreferenceParser"/>.</summary>
/// <param name="All">The choice for every conflict not named by key.</param>
/// <param name="ByKey">The choice for particular notes.</param>
/// <param name="Error">What is wrong with the values, or null.</param>
public sealed record ParsedPreferences(ConflictPreference All, IReadOnlyDictionary<string, ConflictPreference> ByKey, string? Error)
{
    internal static ParsedPreferences Failed(string error) => new(ConflictPreference.None, new Dictionary<string, ConflictPreference>(), error);
}
