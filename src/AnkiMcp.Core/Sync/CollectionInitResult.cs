namespace AnkiMcp.Core.Sync;

/// <summary>What <c>init</c> did.</summary>
/// <param name="CollectionDirectory">The collection folder.</param>
/// <param name="ProfileName">The Anki profile the collection is linked to, or null when Anki was not reachable (the first sync records it).</param>
/// <param name="TutorialFile">The tutorial deck written, if any.</param>
public sealed record CollectionInitResult(string CollectionDirectory, string? ProfileName, string? TutorialFile);
