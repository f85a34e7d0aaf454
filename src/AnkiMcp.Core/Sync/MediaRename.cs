namespace AnkiMcp.Core.Sync;

/// <summary>A media file given its content-hashed name; the references in the deck files (and so in Anki) follow.</summary>
/// <param name="From">The name it had.</param>
/// <param name="To">Its name now.</param>
public sealed record MediaRename(string From, string To);
