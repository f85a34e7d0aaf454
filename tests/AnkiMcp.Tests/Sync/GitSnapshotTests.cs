using System.Diagnostics;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Markdown;
using LibGit2Sharp;

namespace AnkiMcp.Tests.Sync;

public sealed class GitSnapshotTests
{
    [Fact]
    public async Task ServersStartingAtOnceOnANewFolder_ShareOneRepository()
    {
        for (int round = 0; round < 10; round++)
        {
            using TempCollection collection = new(withDefaults: false);

            await Simultaneously.RunAsync(4, _ => GitSnapshot.EnsureRepository(collection.Dir));

            Assert.True(Repository.IsValid(collection.Dir));
        }
    }

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
    [Fact]
    public void WriteObjects_WritesTheChangedFilesBlobs_AndLeavesRefsAndIndexAsTheyWere()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");
        string? first = GitSnapshot.Commit(collection.Dir, "init");
        File.WriteAllText(Path.Combine(collection.Dir, "draft.txt"), "the user's own staged work");
        using (Repository repository = new(collection.Dir))
            Commands.Stage(repository, "draft.txt");
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What now?\nA: That.\n");
        byte[] indexBefore = File.ReadAllBytes(Path.Combine(collection.Dir, ".git", "index"));

        GitSnapshot.WriteObjects(collection.Dir, TestContext.Current.CancellationToken);

        using Repository reopened = new(collection.Dir);
        Assert.Equal(first, reopened.Head.Tip.Sha);
        Assert.Single(reopened.Commits);
        Assert.Equal(indexBefore, File.ReadAllBytes(Path.Combine(collection.Dir, ".git", "index")));
        Assert.True(reopened.ObjectDatabase.Contains(new ObjectId(Git(collection.Dir, "hash-object", "Biology.md"))));
        Assert.Equal(FileStatus.ModifiedInWorkdir, reopened.RetrieveStatus("Biology.md"));
    }

    [Fact]
    public void WriteObjects_InAFolderWithoutRepository_MakesOneWithoutCommit()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");

        GitSnapshot.WriteObjects(collection.Dir, TestContext.Current.CancellationToken);

        using Repository repository = new(collection.Dir);
        Assert.Null(repository.Head.Tip);
        Assert.Equal(0, repository.Index.Count);
        Assert.True(repository.ObjectDatabase.Contains(new ObjectId(Git(collection.Dir, "hash-object", "Biology.md"))));
    }

    [Fact]
    public void Commit_AfterWriteObjects_HoldsTheFilesAsTheyAreWhenItIsMade_WithAnIndexThatAgrees()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\nA: That.\n");
        File.WriteAllText(Path.Combine(collection.Dir, "Chemistry.md"), "Q: Why?\nA: This.\n");
        GitSnapshot.WriteObjects(collection.Dir, TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What, edited after the objects were written?\nA: That.\n");
        File.WriteAllText(Path.Combine(collection.Dir, "Physics.md"), "Q: How?\nA: So.\n");

        string? sha = GitSnapshot.Commit(collection.Dir, "sync");

        using Repository repository = new(collection.Dir);
        Assert.Equal(sha, repository.Head.Tip.Sha);
        Assert.Equal("Q: What, edited after the objects were written?\nA: That.\n", ((Blob)repository.Head.Tip["Biology.md"].Target).GetContentText());
        Assert.Equal("Q: Why?\nA: This.\n", ((Blob)repository.Head.Tip["Chemistry.md"].Target).GetContentText());
        Assert.Equal("Q: How?\nA: So.\n", ((Blob)repository.Head.Tip["Physics.md"].Target).GetContentText());
        // Real git agrees: nothing staged beyond the commit, nothing changed in the folder, no broken object.
        Assert.Equal("", Git(collection.Dir, "status", "--porcelain"));
        Git(collection.Dir, "fsck", "--strict", "--no-dangling");
    }

    [Fact]
    public void BlobIdOf_IsTheIdGitGivesTheContent_SoObjectsWrittenAheadAreFound()
    {
        using TempCollection collection = new(withDefaults: false);
        File.WriteAllText(Path.Combine(collection.Dir, "Biology.md"), "Q: What?\r\nA: Thät.\r\n");
        File.WriteAllBytes(Path.Combine(collection.Dir, "empty.md"), []);
        byte[] picture = new byte[200_003];
        new Random(7).NextBytes(picture);
        File.WriteAllBytes(Path.Combine(collection.Dir, "cell.png"), picture);

        foreach (string name in (string[])["Biology.md", "empty.md", "cell.png"])
            Assert.Equal(Git(collection.Dir, "hash-object", name), GitSnapshot.BlobIdOf(Path.Combine(collection.Dir, name)).Sha);
    }

    [Fact]
    public async Task SnapshotObjectWriter_WhoseWorkFails_NeitherThrowsNorOutlivesTheRun()
    {
        using TempCollection collection = new(withDefaults: false);
        // A file where the repository's folder should be: git cannot make a repository there.
        string notAFolder = Path.Combine(collection.Dir, "file.md");
        File.WriteAllText(notAFolder, "Q: What?\nA: That.\n");
        SnapshotObjectWriter writer = new(notAFolder);
        writer.Start();

        await writer.DisposeAsync();

        Assert.False(Directory.Exists(Path.Combine(collection.Dir, ".git")));
    }

    [Fact]
    public async Task SnapshotObjectWriter_CommitsTheSameSnapshotStartedOrNot()
    {
        using TempCollection started = new(withDefaults: false);
        using TempCollection notStarted = new(withDefaults: false);
        foreach (string dir in (string[])[started.Dir, notStarted.Dir])
        {
            File.WriteAllText(Path.Combine(dir, "Biology.md"), "Q: What?\nA: That.\n");
            Directory.CreateDirectory(Path.Combine(dir, "media"));
            File.WriteAllBytes(Path.Combine(dir, "media", "cell.png"), [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3]);
        }
        await using SnapshotObjectWriter startedWriter = new(started.Dir);
        await using SnapshotObjectWriter notStartedWriter = new(notStarted.Dir);
        startedWriter.Start();

        string? fromStarted = await startedWriter.CommitAsync("sync");
        string? fromNotStarted = await notStartedWriter.CommitAsync("sync");

        using Repository one = new(started.Dir);
        using Repository other = new(notStarted.Dir);
        Assert.Equal(fromStarted, one.Head.Tip.Sha);
        Assert.Equal(fromNotStarted, other.Head.Tip.Sha);
        Assert.Equal(other.Head.Tip.Tree.Id, one.Head.Tip.Tree.Id);
        Assert.Equal(["Biology.md", "media/cell.png"], one.Index.Select(entry => entry.Path).Order(StringComparer.Ordinal));
    }

    private static string Git(string directory, params string[] arguments)
    {
        ProcessStartInfo start = new("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Trim();
    }
}
