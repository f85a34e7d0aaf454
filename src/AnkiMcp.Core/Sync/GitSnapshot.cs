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
        if (!Repository.IsValid(collectionDir))
            Repository.Init(collectionDir);
    }

    /// <summary>
    /// Commits the collection files that differ from the last commit, with the message
    /// <c>ankimcp: snapshot before &lt;command&gt;</c>. Returns the new commit's id, or null when nothing changed.
    /// </summary>
    public static string? Commit(string collectionDir, string command)
    {
        EnsureRepository(collectionDir);
        using Repository repository = new(collectionDir);
        List<string> changed = [.. repository
            .RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false })
            .Where(entry => entry.State is not FileStatus.Unaltered and not FileStatus.Ignored && IsManaged(entry.FilePath))
            .Select(entry => entry.FilePath)];
        if (changed.Count == 0)
            return null;

        Commit? head = repository.Head.Tip;
        TreeDefinition tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        foreach (string path in changed)
        {
            string fullPath = Path.Combine(collectionDir, path);
            // A link is committed as git does, as the path it points to: a link out of the collection must not carry its target in.
            if (new FileInfo(fullPath).LinkTarget is { } link)
                tree.Add(path, repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(link))), Mode.SymbolicLink);
            else if (File.Exists(fullPath))
                tree.Add(path, repository.ObjectDatabase.CreateBlob(fullPath), Mode.NonExecutableFile);
            else
                tree.Remove(path);
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
        Commands.Stage(repository, changed);
        return commit.Sha;
    }

    private static bool IsManaged(string path) =>
        (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.Contains('/', StringComparison.Ordinal))
        || ManagedFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));
}
