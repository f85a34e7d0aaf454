using System.Text.Json;
using System.Text.Json.Nodes;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary><c>serialize</c> / <c>deserialize</c> in AnkiOps' JSON: expectations from AnkiOps'
/// <c>test_collection_serializer.py</c> (source per deck, local before collab sources, written fields only, null keys,
/// sorted tags, collab decks written into their source) and the checks its <c>deserialize</c> makes before it writes.</summary>
public sealed class AnkiOpsInterchangeTests
{
    // As AnkiOps 0.6.6 writes it for a collection with a collab source (field order as in the deck file, ensure_ascii off).
    private const string AnkiOpsJson = """
        {
          "collection": {
            "serialized_at": "2026-07-31T12:00:00.123456+00:00"
          },
          "decks": [
            {
              "source": "local",
              "name": "Biology::Cells",
              "notes": [
                {
                  "note_key": "2fd62bcaa861",
                  "note_type": "AnkiOpsQA",
                  "fields": {
                    "Answer": "It produces ATP:\n- via oxidative phosphorylation",
                    "Question": "What does the mitochondrion do?",
                    "Extra": "*Powerhouse* of the cell → ≠ café"
                  },
                  "tags": ["biology", "exam"]
                },
                {
                  "note_key": null,
                  "note_type": "AnkiOpsChoice",
                  "fields": {
                    "Question": "Which are organelles?",
                    "Choice 1": "Ribosome",
                    "Choice 2": "Cytoplasm",
                    "Choice 3": "Mitochondrion",
                    "Answer": "1, 3"
                  },
                  "tags": []
                }
              ]
            },
            {
              "source": "owner/repo",
              "name": "Shared",
              "notes": [
                {
                  "note_key": "collab-1",
                  "note_type": "collab/owner/repo/AnkiOpsCloze",
                  "fields": {
                    "Text": "The {{c1::nucleus}} holds the DNA."
                  },
                  "tags": []
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void AnkiOpsJson_IsWrittenIntoTheDeckFilesOfItsSources()
    {
        using TempCollection collection = AnkiOpsCollection();
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);

        IReadOnlyList<string> written = CollectionInterchange.Deserialize(collection.Dir, AnkiOpsJson, overwrite: false);

        Assert.Equal([Path.Combine(collection.Dir, "Biology__Cells.md"), Path.Combine(collab, "Shared.md")], written);
        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);
        Assert.Empty(loaded.Errors);
        MarkdownNote qa = loaded.Decks[0].Notes[0];
        Assert.Equal(("2fd62bcaa861", "AnkiOpsQA"), (qa.Key, qa.NoteTypeName));
        Assert.Equal("It produces ATP:\n- via oxidative phosphorylation", qa.Fields["Answer"]);
        Assert.Equal("*Powerhouse* of the cell → ≠ café", qa.Fields["Extra"]);
        Assert.Equal("", qa.Fields["More"]);
        Assert.Equal(["biology", "exam"], qa.Tags);
        MarkdownNote choice = loaded.Decks[0].Notes[1];
        Assert.Equal((null, "AnkiOpsChoice", "1, 3", ""), (choice.Key, choice.NoteTypeName, choice.Fields["Answer"], choice.Fields["Choice 4"]));
        MarkdownNote cloze = Assert.Single(loaded.Decks[1].Notes);
        Assert.Equal(("collab-1", "collab/owner/repo/AnkiOpsCloze"), (cloze.Key, cloze.NoteTypeName));
    }

    [Fact]
    public void Serialize_WritesWhatAnkiOpsWrites_AndReadsItBackTheSame()
    {
        using TempCollection collection = AnkiOpsCollection();
        AnkiOpsFixture.AddCollabSource(collection.Dir);
        CollectionInterchange.Deserialize(collection.Dir, AnkiOpsJson, overwrite: false);

        string json = CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir));

        JsonNode ours = JsonNode.Parse(json)!;
        JsonNode theirs = JsonNode.Parse(AnkiOpsJson)!;
        // Only serialized_at and the order of keys inside "fields" (AnkiOps keeps the file's order) may differ.
        foreach (JsonNode? deck in ours["decks"]!.AsArray().Concat(theirs["decks"]!.AsArray()))
        {
            foreach (JsonNode? note in deck!["notes"]!.AsArray())
                note!["fields"] = new JsonObject(note["fields"]!.AsObject().OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone())));
        }
        Assert.True(JsonNode.DeepEquals(ours["decks"], theirs["decks"]), json);
        Assert.Empty(AnkiOpsDeserializeProblems(ours, collection.Dir));

        using TempCollection copy = AnkiOpsCollection();
        AnkiOpsFixture.AddCollabSource(copy.Dir);
        CollectionInterchange.Deserialize(copy.Dir, json, overwrite: false);
        Assert.Equal(Notes(collection.Dir), Notes(copy.Dir));
    }

    [Fact]
    public void Serialize_OrdersTheCollectionsDecksBeforeCollabSourcesByName()
    {
        using TempCollection collection = AnkiOpsCollection();
        collection.Write("Zoology.md", "Q: z\nA: z\n");
        File.WriteAllText(Path.Combine(AnkiOpsFixture.AddCollabSource(collection.Dir, "z-owner", "deck"), "B.md"), "Q: b\nA: b\n");
        File.WriteAllText(Path.Combine(AnkiOpsFixture.AddCollabSource(collection.Dir, "a-owner", "deck"), "A.md"), "<!-- note_key: collab-a -->\nQ: a\nA: a\n");

        using JsonDocument document = JsonDocument.Parse(CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir)));

        Assert.Equal(["local/Zoology", "a-owner/deck/A", "z-owner/deck/B"],
            document.RootElement.GetProperty("decks").EnumerateArray().Select(deck => $"{deck.GetProperty("source").GetString()}/{deck.GetProperty("name").GetString()}"));
        Assert.Equal("collab/a-owner/deck/AnkiOpsQA", document.RootElement.GetProperty("decks")[1].GetProperty("notes")[0].GetProperty("note_type").GetString());
    }

    [Fact]
    public void Serialize_LikeAnkiOps_ChecksTheWholeCollectionBeforeADeckScope()
    {
        using TempCollection collection = AnkiOpsCollection();
        collection.Write("TestDeck.md", "<!-- note_key: nk-1 -->\nQ: What is 2+2?\nA: 4\n");
        collection.Write("OtherDeck.md", "<!-- note_key: nk-1 -->\nQ: duplicate outside scope\nA: duplicate\n");

        CollectionFormatException refused = Assert.Throws<CollectionFormatException>(
            () => CollectionInterchange.Serialize(MarkdownCollection.Load(collection.Dir), "TestDeck", includeSubdecks: false));

        Assert.Contains("duplicate note_key nk-1", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"decks":[{"name":"Deck","notes":[]}]}""", "\"source\" is missing")]
    [InlineData("""{"decks":[{"source":"missing/repo","name":"Deck","notes":[]}]}""", "unknown source 'missing/repo'")]
    [InlineData("""{"decks":[{"source":"owner/repo","name":"Deck","notes":[{"note_key":"nk-1","note_type":"AnkiOpsQA","fields":{"Question":"Q","Answer":"A"},"tags":[]}]}]}""", "must name a note type of the collection: collab/owner/repo/AnkiOpsChoice")]
    [InlineData("""{"decks":[{"source":"local","name":"Deck","notes":[{"note_key":"","note_type":"AnkiOpsQA","fields":{"Question":"Q","Answer":"A"},"tags":[]}]}]}""", "\"note_key\" must be null or a key")]
    [InlineData("""{"decks":[{"source":"local","name":"Shared","notes":[]}]}""", "deck 'Shared' belongs to source 'owner/repo' (collab/owner/repo/Shared.md), not 'local'")]
    public void Deserialize_RefusesWhatAnkiOpsRefuses_BeforeWritingAnything(string json, string message)
    {
        using TempCollection collection = AnkiOpsCollection();
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);
        File.WriteAllText(Path.Combine(collab, "Shared.md"), "Q: kept\nA: kept\n");

        CollectionFormatException refused = Assert.Throws<CollectionFormatException>(() => CollectionInterchange.Deserialize(collection.Dir, json, overwrite: true));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(collection.Dir, "*.md"));
        Assert.Equal("Q: kept\nA: kept\n", File.ReadAllText(Path.Combine(collab, "Shared.md")));
    }

    private static TempCollection AnkiOpsCollection()
    {
        TempCollection collection = new(withDefaults: false);
        AnkiOpsFixture.WriteNoteTypes(collection.Dir);
        return collection;
    }

    private static List<string> Notes(string dir) =>
        [.. MarkdownCollection.Load(dir).Decks.SelectMany(d => d.Notes.Select(n => $"{d.DeckName}|{n.Key}|{n.Fingerprint}"))];

    // The checks AnkiOps' deserialize makes before writing (interchange.py, _validate_serialized_data): a "decks" list;
    // per deck a non-empty string source naming a source of the collection, a name, a notes list; per note a note_key
    // member (null or a non-empty string, unique), a note_type of that source, "fields" of strings, "tags" of strings.
    private static List<string> AnkiOpsDeserializeProblems(JsonNode document, string collectionDir)
    {
        List<string> problems = [];
        Dictionary<string, DeckSource> sources = DeckSource.Discover(collectionDir).ToDictionary(source => source.Name);
        HashSet<string> keys = [];
        if (document["decks"] is not JsonArray decks)
            return ["no decks list"];
        foreach (JsonNode? deck in decks)
        {
            if (deck?["source"]?.GetValueKind() != JsonValueKind.String || !sources.TryGetValue(deck["source"]!.GetValue<string>(), out DeckSource? source))
            {
                problems.Add($"deck without a known source: {deck}");
                continue;
            }
            if (deck["name"]?.GetValueKind() != JsonValueKind.String || deck["notes"] is not JsonArray notes)
            {
                problems.Add($"deck without name or notes: {deck}");
                continue;
            }
            foreach (JsonNode? note in notes)
            {
                JsonObject fields = note!["fields"]!.AsObject();
                if (!note.AsObject().TryGetPropertyValue("note_key", out JsonNode? key) || (key is not null && (key.GetValueKind() != JsonValueKind.String || key.GetValue<string>().Trim().Length == 0 || !keys.Add(key.GetValue<string>()))))
                    problems.Add($"bad note_key: {note}");
                if (note["note_type"]?.GetValueKind() != JsonValueKind.String || source.NoteTypes.Find(note["note_type"]!.GetValue<string>()) is null)
                    problems.Add($"unknown note_type: {note}");
                if (fields.Any(field => field.Value?.GetValueKind() != JsonValueKind.String))
                    problems.Add($"a field is not a string: {note}");
                if (note["tags"] is not JsonArray tags || tags.Any(tag => tag?.GetValueKind() != JsonValueKind.String))
                    problems.Add($"tags are not a list of strings: {note}");
            }
        }
        return problems;
    }
}
