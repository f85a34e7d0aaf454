namespace AnkiMcp.Core.Sync;

/// <summary>The media renames a sync makes and the deck file texts with the references that follow them.</summary>
/// <param name="Renames">Old file name to content-hashed name.</param>
/// <param name="DeckTexts">The new text of every deck file whose references change, by path.</param>
/// <param name="ReadTexts">The deck files' text as read, by path, to refuse writing over an edit made meanwhile.</param>
internal sealed record MediaRenames(
    IReadOnlyDictionary<string, string> Renames,
    IReadOnlyDictionary<string, string> DeckTexts,
    IReadOnlyDictionary<string, string> ReadTexts)
{
    public static MediaRenames None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Every media file name the deck files reference.</summary>
    public IReadOnlyList<string> Referenced { get; init; } = [];

    public IReadOnlyList<MediaRename> AsPlan => [.. Renames.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new MediaRename(pair.Key, pair.Value))];
}
