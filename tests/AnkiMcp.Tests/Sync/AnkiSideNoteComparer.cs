namespace AnkiMcp.Tests.Sync;

/// <summary>Compares note copies by value, fields and tags included.</summary>
internal sealed class AnkiSideNoteComparer : IEqualityComparer<AnkiSideNote>
{
    public bool Equals(AnkiSideNote? x, AnkiSideNote? y) =>
        x is not null && y is not null && (x.Id, x.ModelName, x.DeckName) == (y.Id, y.ModelName, y.DeckName)
        && x.Fields.Count == y.Fields.Count && x.Fields.All(field => y.Fields.GetValueOrDefault(field.Key) == field.Value)
        && x.Tags.SequenceEqual(y.Tags);

    public int GetHashCode(AnkiSideNote obj) => obj.Id.GetHashCode();
}
