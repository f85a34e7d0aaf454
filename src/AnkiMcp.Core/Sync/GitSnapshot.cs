using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Commits the collection files a sync may change (deck files, <c>note_types/</c>, <c>media/</c>, <c>conflicts/</c>)
/// before it changes them, so every sync can be undone with git. Only those paths go into the commit: work the user
/// staged elsewhere stays staged and uncommitted.
/// </summary>
public static class GitSnapshot
{
    private static readonly string[] ManagedFolders = ["note_types/", "media/", "conflicts/"];

    /// <summary>Makes the collection folder a git repository if it is not one yet.</summary>
    public static void EnsureRepository(string collectionDir)
    {
        if (Repository.IsValid(collectionDir))
            return;
        try
        {
            Repository.Init(collectionDir);
        }
        catch (LibGit2SharpException) when (MadeByAnotherProcess(collectionDir))
        {
            // Two servers started at once on a new folder (two assistants): the other one's repository serves both.
        }
    }

    // libgit2 refuses an init while another one holds its lock files; that one finishes within moments.
    private static bool MadeByAnotherProcess(string collectionDir)
    {
        for (int wait = 0; wait < 40; wait++)
        {
            if (Repository.IsValid(collectionDir))
                return true;
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>
    /// Writes the blobs of the collection files that differ from the last commit into the repository (made if
    /// missing), and nothing else: no ref, no index. Objects are named by their content, so they are harmless when no
    /// commit follows, and a <see cref="Commit"/> that finds a file's object already written skips compressing it.
    /// Meant to run on another core while the sync plans.
    /// </summary>
    public static void WriteObjects(string collectionDir, CancellationToken cancellationToken)
    {
        EnsureRepository(collectionDir);
        using Repository repository = new(collectionDir);
        foreach (string path in ChangedPaths(repository))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string fullPath = Path.Combine(collectionDir, path);
            if (new FileInfo(fullPath) is { Exists: true, LinkTarget: null })
                repository.ObjectDatabase.CreateBlob(fullPath);
        }
    }

    /// <summary>
    /// Commits the collection files that differ from the last commit, with the message
    /// <c>ankimcp: snapshot before &lt;command&gt;</c>. Returns the new commit's id, or null when nothing changed.
    /// </summary>
    public static string? Commit(string collectionDir, string command)
    {
        EnsureRepository(collectionDir);
        using Repository repository = new(collectionDir);
        List<string> changed = ChangedPaths(repository);
        if (changed.Count == 0)
            return null;

        Commit? head = repository.Head.Tip;
        TreeDefinition tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        // The index is changed in memory only, and written once the commit is in place.
        LibGit2Sharp.Index index = repository.Index;
        foreach (string path in changed)
        {
            string fullPath = Path.Combine(collectionDir, path);
            FileInfo file = new(fullPath);
            // A link is committed as git does, as the path it points to: a link out of the collection must not carry its target in.
            (Blob? blob, Mode mode) = file.LinkTarget is { } link
                ? (repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(link))), Mode.SymbolicLink)
                : file.Exists ? (BlobOf(repository, fullPath), Mode.NonExecutableFile) : (null, default);
            if (blob is null)
            {
                tree.Remove(path);
                index.Remove(path);
                continue;
            }
            tree.Add(path, blob, mode);
            index.Add(blob, path, mode);
        }
        Tree newTree = repository.ObjectDatabase.CreateTree(tree);
        if (head is not null && newTree.Id == head.Tree.Id)
            return null;

        Signature signature = repository.Config.BuildSignature(DateTimeOffset.Now) ?? new Signature("ankimcp", "ankimcp@localhost", DateTimeOffset.Now);
        Commit commit = repository.ObjectDatabase.CreateCommit(
            signature, signature, $"ankimcp: snapshot before {command}", newTree, head is null ? [] : [head], prettifyMessage: true);
        string branch = repository.Refs.Head.TargetIdentifier;
        if (repository.Refs[branch] is { } existing)
            repository.Refs.UpdateTarget(existing, commit.Id, $"commit: snapshot before {command}");
        else
            repository.Refs.Add(branch, commit.Id, $"commit (initial): snapshot before {command}");
        index.Write();
        return commit.Sha;
    }

    private static List<string> ChangedPaths(Repository repository) => [.. repository
        .RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false })
        .Where(entry => entry.State is not FileStatus.Unaltered and not FileStatus.Ignored && IsManaged(entry.FilePath))
        .Select(entry => entry.FilePath)];

    // The file's object, written unless already there (by WriteObjects): hashing is cheap, compressing is not.
    private static Blob BlobOf(Repository repository, string fullPath)
    {
        ObjectId id = BlobIdOf(fullPath);
        // Not written yet, or the file changed since it was hashed: git reads it again, and the commit holds what it read.
        return repository.ObjectDatabase.Contains(id) && repository.Lookup<Blob>(id) is { } written ? written : repository.ObjectDatabase.CreateBlob(fullPath);
    }

    /// <summary>The id git gives the file's content as a blob (<c>git hash-object</c>), the file streamed as git does:
    /// a media file can be larger than memory wants to hold at once.</summary>
    internal static ObjectId BlobIdOf(string fullPath)
    {
        using FileStream file = new(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        using IncrementalHash sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {file.Length}\0")));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (int read; (read = file.Read(buffer)) > 0;)
                sha1.AppendData(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new ObjectId(sha1.GetHashAndReset());
    }

    private static bool IsManaged(string path) =>
        (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.Contains('/', StringComparison.Ordinal))
        || ManagedFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));
}
