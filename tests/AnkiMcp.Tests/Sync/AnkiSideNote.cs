namespace AnkiMcp.Tests.Sync;

/// <summary>A copy of one emulator note, taken under the emulator's lock, for assertions.</summary>
internal sealed record AnkiSideNote(long Id, string ModelName, string DeckName, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Tags);
