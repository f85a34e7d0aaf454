using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Tests.Markdown;

public sealed class DeckFileCacheTests : CollectionTest
{
    private const string Original = "Q: alpha\nA: one\n";
    private const string SameSize = "Q: omega\nA: two\n";

    [Fact]
    public void AnUnchangedFile_IsParsedOnce()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);

        Assert.Same(cache.Get(path, types), cache.Get(path, types));
    }

    [Fact]
    public void AnEditKeepingSizeAndWriteTime_IsReadAgain()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);
        DateTime written = File.GetLastWriteTimeUtc(path);
        Assert.Equal("alpha", Question(cache.Get(path, types)));

        File.WriteAllText(path, SameSize);
        File.SetLastWriteTimeUtc(path, written);

        Assert.Equal("omega", Question(cache.Get(path, types)));
    }

    [Fact]
    public void AFileReplacedByAnotherOfTheSameSizeAndWriteTime_IsReadAgain()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);
        Assert.Equal("alpha", Question(cache.Get(path, types)));
        string replacement = path + ".new";
        File.WriteAllText(replacement, SameSize);
        File.SetLastWriteTimeUtc(replacement, File.GetLastWriteTimeUtc(path));

        File.Move(replacement, path, overwrite: true);

        Assert.Equal("omega", Question(cache.Get(path, types)));
    }

    [Fact]
    public void ADeletedFile_IsNotServed()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);
        cache.Get(path, types);

        File.Delete(path);

        Assert.Throws<FileNotFoundException>(() => cache.Get(path, types));
        File.WriteAllText(path, SameSize);
        Assert.Equal("omega", Question(cache.Get(path, types)));
    }

    [Fact]
    public void ADeckJustWritten_IsServedAsWritten_UntilTheFileChanges()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);
        DeckFile appended = DeckFileWriter.AppendNotes(path, [new MarkdownNote(null, "AnkiMcpQA",
            new Dictionary<string, string> { ["Question"] = "beta", ["Answer"] = "two" }, [], 0)], types, cache.Get(path, types));
        cache.Put(appended, types);
        Assert.Same(appended, cache.Get(path, types));
        DateTime written = File.GetLastWriteTimeUtc(path);

        File.WriteAllText(path, File.ReadAllText(path).Replace("beta", "zeta", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);

        Assert.Equal(["alpha", "zeta"], cache.Get(path, types).Notes.Select(note => note.Fields["Question"]));
    }

    [Fact]
    public void NewNoteTypes_ParseTheFileAgain()
    {
        (DeckFileCache cache, NoteTypeRegistry types, string path) = Deck(Original);
        DeckFile before = cache.Get(path, types);

        DeckFile after = cache.Get(path, NoteTypeRegistry.Load(Collection));

        Assert.NotSame(before, after);
        Assert.Equal("alpha", Question(after));
    }

    private (DeckFileCache Cache, NoteTypeRegistry Types, string Path) Deck(string text)
    {
        DefaultNoteTypes.WriteTo(Collection);
        string path = Path.Combine(Collection, "Cache.md");
        File.WriteAllText(path, text);
        return (new DeckFileCache(), NoteTypeRegistry.Load(Collection), path);
    }

    private static string Question(DeckFile deck) => Assert.Single(deck.Notes).Fields["Question"];
}
