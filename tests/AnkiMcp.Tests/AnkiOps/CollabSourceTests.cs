using AnkiMcp.Core.Markdown;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary>Collab decks as AnkiOps lays them out (<c>collab/&lt;owner&gt;/&lt;repo&gt;/</c>, its own note types named
/// <c>collab/owner/repo/Type</c>), read as part of the collection; expectations from AnkiOps' collab source tests.</summary>
public sealed class CollabSourceTests
{
    [Fact]
    public void CollabDecksLoadWithTheirOwnScopedNoteTypes()
    {
        using TempCollection collection = new();
        collection.Write("Private.md", "Q: root question\nA: root answer\n");
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);
        File.WriteAllText(Path.Combine(collab, "Shared.md"),
            "<!-- note_key: collab-key-1 -->\n<!-- note_type: collab/owner/repo/AnkiOpsQA -->\nQ: Collab Q\nA: Collab A\n\n---\n\nT: A {{c1::cloze}} without a note_type comment\n");
        File.WriteAllText(Path.Combine(collab, "README.md"), "# Not a deck\n");

        MarkdownCollection loaded = MarkdownCollection.Load(collection.Dir);

        Assert.Empty(loaded.Errors);
        Assert.Equal(["local", "owner/repo"], loaded.Sources.Select(source => source.Name));
        Assert.Equal(["Private", "Shared"], loaded.Decks.Select(deck => deck.DeckName));
        Assert.Equal(["local", "owner/repo"], loaded.Decks.Select(deck => loaded.SourceOf(deck).Name));
        Assert.Equal(["collab/owner/repo/AnkiOpsQA", "collab/owner/repo/AnkiOpsCloze"], loaded.Decks[1].Notes.Select(note => note.NoteTypeName));
        Assert.Equal("AnkiMcpQA", loaded.Decks[0].Notes[0].NoteTypeName);
        Assert.Null(loaded.NoteTypes.Find("collab/owner/repo/AnkiOpsQA"));
        Assert.Equal("owner/repo", loaded.SourceOfNoteType("collab/owner/repo/AnkiOpsChoice")!.Name);
    }

    [Fact]
    public void ADeckNameUsedByTwoSourcesIsAnError()
    {
        using TempCollection collection = new();
        collection.Write("Deck.md", "Q: root\nA: root\n");
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);
        File.WriteAllText(Path.Combine(collab, "Deck.md"), "<!-- note_type: collab/owner/repo/AnkiOpsQA -->\nQ: collab\nA: collab\n");

        CollectionError error = Assert.Single(MarkdownCollection.Load(collection.Dir).Errors);

        Assert.Equal("collab/owner/repo/Deck.md", error.File);
        Assert.Contains("deck 'Deck' is also the deck of Deck.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsInACollabDeckNameItsFolder_AndKeysAreUniqueAcrossSources()
    {
        using TempCollection collection = new();
        collection.Write("Root.md", "<!-- note_key: shared-key -->\nQ: root\nA: root\n");
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);
        File.WriteAllText(Path.Combine(collab, "Shared.md"), "<!-- note_key: shared-key -->\nQ: collab\nA: collab\n\n---\n\nCHAIN: a label only the collection's own types know\n");

        IReadOnlyList<CollectionError> errors = MarkdownCollection.Load(collection.Dir).Errors;

        Assert.Contains(errors, error => error.File == "collab/owner/repo/Shared.md" && error.Line == 7);
        Assert.Contains(errors, error => error.File == "collab/owner/repo/Shared.md" && error.Message.Contains("also used in Root.md:1", StringComparison.Ordinal));
    }

    [Fact]
    public void ACollabFolderThatIsNoGitHubNameIsRefused()
    {
        using TempCollection collection = new();
        AnkiOpsFixture.AddCollabSource(collection.Dir, "-owner", "repo");

        CollectionFormatException refused = Assert.Throws<CollectionFormatException>(() => MarkdownCollection.Load(collection.Dir));

        Assert.Contains("collab/-owner/repo", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACollabSourceWithBrokenNoteTypesNamesItsFile()
    {
        using TempCollection collection = new();
        string collab = AnkiOpsFixture.AddCollabSource(collection.Dir);
        File.AppendAllText(Path.Combine(collab, "note_types", "AnkiOpsQA", "note_type.yaml"), "name: not allowed\n");

        CollectionFormatException refused = Assert.Throws<CollectionFormatException>(() => MarkdownCollection.Load(collection.Dir));

        Assert.Contains("collab/owner/repo/note_types/AnkiOpsQA/note_type.yaml", refused.Message, StringComparison.Ordinal);
    }
}
