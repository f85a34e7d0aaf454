using AnkiMcp.Core.Sync;
using LibGit2Sharp;

namespace AnkiMcp.Tests.Sync;

public sealed class GitSnapshotTests
{
    [Fact]
    public void Commit_TakesOnlyCollectionFiles_WithTheSnapshotMessage()
    {
        using TempDirectory collection = new();
        File.WriteAllText(collection.Combine("Biology.md"), "Q: What?\nA: That.\n");
        Directory.CreateDirectory(collection.Combine("note_types", "AnkiMcpQA"));
        File.WriteAllText(collection.Combine("note_types", "AnkiMcpQA", "note_type.yaml"), "fields: []\n");
        Directory.CreateDirectory(collection.Combine("notes"));
        File.WriteAllText(collection.Combine("notes", "private.txt"), "not part of the collection");
        Directory.CreateDirectory(collection.Combine(".ankimcp"));
        File.WriteAllText(collection.Combine(".ankimcp", "state.db"), "state");

        string? sha = GitSnapshot.Commit(collection.Path, "sync");

        Assert.NotNull(sha);
        using Repository repository = new(collection.Path);
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
        using TempDirectory collection = new();
        File.WriteAllText(collection.Combine("Biology.md"), "Q: What?\nA: That.\n");
        string? first = GitSnapshot.Commit(collection.Path, "sync");

        string? second = GitSnapshot.Commit(collection.Path, "sync");

        Assert.NotNull(first);
        Assert.Null(second);
        using Repository repository = new(collection.Path);
        Assert.Single(repository.Commits);
    }

    [Fact]
    public void Commit_RecordsDeletedDeckFiles_AndLeavesOtherStagedWorkAlone()
    {
        using TempDirectory collection = new();
        File.WriteAllText(collection.Combine("Biology.md"), "Q: What?\nA: That.\n");
        File.WriteAllText(collection.Combine("Chemistry.md"), "Q: Why?\nA: This.\n");
        GitSnapshot.Commit(collection.Path, "init");
        File.Delete(collection.Combine("Chemistry.md"));
        File.WriteAllText(collection.Combine("Biology.md"), "Q: What now?\nA: That.\n");
        File.WriteAllText(collection.Combine("draft.txt"), "the user's own staged work");
        using (Repository repository = new(collection.Path))
            Commands.Stage(repository, "draft.txt");

        GitSnapshot.Commit(collection.Path, "markdown-to-anki");

        using Repository reopened = new(collection.Path);
        LibGit2Sharp.Commit tip = reopened.Head.Tip;
        Assert.Equal("ankimcp: snapshot before markdown-to-anki", tip.MessageShort);
        Assert.Null(tip["Chemistry.md"]);
        Assert.Equal("Q: What now?\nA: That.\n", ((Blob)tip["Biology.md"].Target).GetContentText());
        Assert.Null(tip["draft.txt"]);
        Assert.Equal(FileStatus.NewInIndex, reopened.RetrieveStatus("draft.txt"));
        Assert.Equal(FileStatus.Unaltered, reopened.RetrieveStatus("Biology.md"));
    }
}
