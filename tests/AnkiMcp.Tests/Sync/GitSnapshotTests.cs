using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Markdown;
using LibGit2Sharp;

namespace AnkiMcp.Tests.Sync;

public sealed class GitSnapshotTests
{
    [Fact]
    public void Commit_TakesOnlyCollectionFiles_WithTheSnapshotMessage()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");
        Directory.CreateDirectory(Path.Combine(collection.Dir, "note_types", "AnkiMcpQA"));
        File.WriteAllText(Path.Combine(collection.Dir, "note_types", "AnkiMcpQA", "note_type.yaml"), "fields: []\n");
        Directory.CreateDirectory(Path.Combine(collection.Dir, "notes"));
        File.WriteAllText(Path.Combine(collection.Dir, "notes", "private.txt"), "not part of the collection");
        Directory.CreateDirectory(Path.Combine(collection.Dir, ".ankimcp"));
        File.WriteAllText(Path.Combine(collection.Dir, ".ankimcp", "state.db"), "state");

        string? sha = GitSnapshot.Commit(collection.Dir, "sync");

        Assert.NotNull(sha);
        using Repository repository = new(collection.Dir);
        LibGit2Sharp.Commit tip = repository.Head.Tip;
        Assert.Equal(sha, tip.Sha);
        Assert.Equal("ankimcp: snapshot before sync", tip.MessageShort);
        Assert.NotNull(tip["Biology.md"]);
        Assert.NotNull(tip["note_types/AnkiMcpQA/note_type.yaml"]);
        Assert.Null(tip["notes/private.txt"]);
        Assert.Null(tip[".ankimcp/state.db"]);
    }

    [Fact]
    public void Commit_WithNothingChanged_MakesNoCommit()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");
        string? first = GitSnapshot.Commit(collection.Dir, "sync");

        string? second = GitSnapshot.Commit(collection.Dir, "sync");

        Assert.NotNull(first);
        Assert.Null(second);
        using Repository repository = new(collection.Dir);
        Assert.Single(repository.Commits);
    }

    [Fact]
    public void Commit_RecordsDeletedDeckFiles_AndLeavesOtherStagedWorkAlone()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");
        File.WriteAllText(Path.Combine(collection.Dir, "Chemistry.md"), "Q: Why?\nA: This.\n");
        GitSnapshot.Commit(collection.Dir, "init");
        File.Delete(Path.Combine(collection.Dir, "Chemistry.md"));
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What now?\nA: That.\n");
        File.WriteAllText(Path.Combine(collection.Dir, "draft.txt"), "the user's own staged work");
        using (Repository repository = new(collection.Dir))
            Commands.Stage(repository, "draft.txt");

        GitSnapshot.Commit(collection.Dir, "markdown-to-anki");

        using Repository reopened = new(collection.Dir);
        LibGit2Sharp.Commit tip = reopened.Head.Tip;
        Assert.Equal("ankimcp: snapshot before markdown-to-anki", tip.MessageShort);
        Assert.Null(tip["Chemistry.md"]);
        Assert.Equal("Q: What now?\nA: That.\n", ((Blob)tip["Biology.md"].Target).GetContentText());
        Assert.Null(tip["draft.txt"]);
        Assert.Equal(FileStatus.NewInIndex, reopened.RetrieveStatus("draft.txt"));
        Assert.Equal(FileStatus.Unaltered, reopened.RetrieveStatus("Biology.md"));
    }
}
