using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Sync;

/// <summary>Reads conflict preferences as a person writes them: <c>markdown</c> or <c>anki</c> for every conflict,
/// <c>markdown:KEY</c> or <c>anki:KEY</c> for one note.</summary>
public static class PreferenceParser
{
    /// <summary>The preferences, or an error saying what is wrong with which value.</summary>
    public static ParsedPreferences Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ConflictPreference all = ConflictPreference.None;
        Dictionary<string, ConflictPreference> byKey = new(StringComparer.Ordinal);
        foreach (string value in values)
        {
            string[] parts = value.Trim().Split(':', 2);
            ConflictPreference? side = parts[0].ToLowerInvariant() switch
            {
                "markdown" or "md" => ConflictPreference.Markdown,
                "anki" => ConflictPreference.Anki,
                _ => null,
            };
            if (side is null)
                return ParsedPreferences.Failed($"--prefer '{value}': say markdown or anki, optionally followed by :KEY for one note (e.g. markdown:{ExampleKey}).");
            if (parts.Length == 1)
            {
                if (all != ConflictPreference.None && all != side)
                    return ParsedPreferences.Failed("--prefer markdown and --prefer anki contradict each other; give one of them (and name notes with :KEY for exceptions).");
                all = side.Value;
                continue;
            }
            string key = parts[1].Trim();
            if (!NoteKey.IsValid(key))
                return ParsedPreferences.Failed($"--prefer '{value}': '{key}' is not a note key (the value of a note's <!-- note_key: … --> comment).");
            if (byKey.TryGetValue(key, out ConflictPreference earlier) && earlier != side)
                return ParsedPreferences.Failed($"--prefer names note {key} for both markdown and anki; keep one.");
            byKey[key] = side.Value;
        }
        return new ParsedPreferences(all, byKey, null);
    }

    private const string ExampleKey = "1a2b3c4d5e6f";
}
