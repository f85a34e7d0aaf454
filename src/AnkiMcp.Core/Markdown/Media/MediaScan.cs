namespace AnkiMcp.Core.Markdown.Media;

/// <summary>The media references found in a deck file, and the references that were refused.</summary>
public sealed record MediaScan(IReadOnlyList<MediaReference> References, IReadOnlyList<CollectionError> Errors);
