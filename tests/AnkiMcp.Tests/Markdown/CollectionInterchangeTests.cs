using System.Text.Json;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Tests.Markdown;

public sealed class CollectionInterchangeTests
{
    private const string Biology = "<!-- note_key: 2fd62bcaa861 -->\n<!-- tags: bio exam -->\nQ: What does the mitochondrion do?\nA: It makes ATP:\n- oxidative phosphorylation\n\n---\n\nT: The {{c1::nucleus}} holds DNA.\n";

    [Fact]
    public void SerializeWritesDecksByNameWithFieldsByName()
    {
        using TempCollection collection = new();
        collection.Write("Biology.md", Biology);
        collection.Write("Biology__Cells.md", "Q: Smallest unit of life?\nA: The cell\n");
        collection.Write("Empty.md", "");

        string json = CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir), serializedAt: new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("2026-11-23T12:00:00+00:00", document.RootElement.GetProperty("collection").GetProperty("serialized_at").GetString());
        JsonElement decks = document.RootElement.GetProperty("decks");
        Assert.Equal(["Biology", "Biology::Cells"], decks.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        JsonElement first = decks[0].GetProperty("notes")[0];
        Assert.Equal("2fd62bcaa861", first.GetProperty("note_key").GetString());
        Assert.Equal("AnkiMcpQA", first.GetProperty("note_type").GetString());
        Assert.Equal("It makes ATP:\n- oxidative phosphorylation", first.GetProperty("fields").GetProperty("Answer").GetString());
        Assert.Equal(["bio", "exam"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, decks[0].GetProperty("notes")[1].GetProperty("note_key").ValueKind);
        Assert.Contains("{{c1::nucleus}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeckFilterWithAndWithoutSubdecks()
    {
        using TempCollection collection = new();
        collection.Write("Biology.md", Biology);
        collection.Write("Biology__Cells.md", "Q: a\nA: b\n");
        collection.Write("Chemistry.md", "Q: c\nA: d\n");
        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);

        Assert.Equal(["Biology", "Biology::Cells"], DeckNames(CollectionInterchange.Serialize(loaded, "Biology")));
        Assert.Equal(["Biology"], DeckNames(CollectionInterchange.Serialize(loaded, "Biology", includeSubdecks: false)));
        Assert.Throws<CollectionFormatException>(() => CollectionInterchange.Serialize(loaded, "Physics"));
    }

    [Fact]
    public void SerializeRefusesDecksWithErrors()
    {
        using TempCollection collection = new();
        collection.Write("Broken.md", "Q: a\nA: b\n\n---\n\nE: lonely\n");

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir)));

        Assert.Contains(error.Errors, e => e.File == "Broken.md" && e.Line == 6);
    }

    [Fact]
    public void DeserializeIsTheInverseOfSerialize()
    {
        using TempCollection source = new();
        source.Write("Biology.md", Biology);
        source.Write("A__B%5F%5FC.md", "<!-- note_key: aaaaaaaaaaaa -->\nBROKEN: `x = 1`\nFIX: `x == 1`\nWHY: assignment\n");
        string json = CollectionInterchange.Serialize(MarkdownCollection.Load(source.Dir));
        using TempCollection target = new();

        IReadOnlyList<string> written = CollectionInterchange.Deserialize(target.Dir, json, overwrite: false);

        Assert.Equal(2, written.Count);
        Assert.Equal(Notes(source.Dir), Notes(target.Dir));
        Assert.Equal(json.Split('\n').Skip(3), CollectionInterchange.Serialize(MarkdownCollection.Load(target.Dir)).Split('\n').Skip(3));
    }

    [Fact]
    public void DeserializeRefusesToOverwriteWithoutPermission()
    {
        using TempCollection collection = new();
        string path = collection.Write("Biology.md", Biology);
        string json = CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir)).Replace("It makes ATP", "It makes energy", StringComparison.Ordinal);

        CollectionFormatException refused = Assert.Throws<CollectionFormatException>(() => CollectionInterchange.Deserialize(collection.Dir, json, overwrite: false));
        Assert.Contains("--overwrite", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Biology, File.ReadAllText(path));

        CollectionInterchange.Deserialize(collection.Dir, json, overwrite: true);
        Assert.Contains("It makes energy", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "\"decks\" array")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a"}}]}]}""", "decks[0].notes[0]: \"note_key\" is missing")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":null,"note_type":"Nope","fields":{}}]}]}""", "must name a note type")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":null,"note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a","Bogus":"x"}}]}]}""", "'Bogus' is not a field")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":null,"note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":5}}]}]}""", "must be a string")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":null,"note_type":"AnkiMcpQA","fields":{"Question":"q"}}]}]}""", "A: (Answer) is required")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":"k k","note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a"}}]}]}""", "\"note_key\" must be null or a key")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":"abc","note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a"}}]},{"source":"local","name":"B","notes":[{"note_key":"abc","note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a"}}]}]}""", "note_key abc is also used by decks[0].notes[0]")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[]},{"source":"local","name":"A","notes":[]}]}""", "listed twice")]
    [InlineData("""{"decks":[{"source":"local","name":"..","notes":[]}]}""", "rename the deck")]
    [InlineData("""{"decks":[{"source":"local","name":"A","notes":[{"note_key":null,"note_type":"AnkiMcpQA","fields":{"Question":"q","Answer":"a"},"tags":[1]}]}]}""", "list of strings")]
    public void InvalidDocumentsWriteNothing(string json, string message)
    {
        using TempCollection collection = new();

        CollectionFormatException error = Assert.Throws<CollectionFormatException>(() => CollectionInterchange.Deserialize(collection.Dir, json, overwrite: true, "batch.json"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.Equal("batch.json", e.File));
        Assert.Empty(Directory.GetFiles(collection.Dir, "*.md"));
    }

    private static List<string?> DeckNames(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("decks").EnumerateArray().Select(d => d.GetProperty("name").GetString())];
    }

    private static List<string> Notes(string dir) =>
        [.. MarkdownCollection.Load(dir).Decks.SelectMany(d => d.Notes.Select(n => $"{d.DeckName}|{n.Key}|{n.Fingerprint}"))];
}
