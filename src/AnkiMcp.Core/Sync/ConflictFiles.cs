namespace AnkiMcp.Core.Sync;

/// <summary>Where a two-way sync keeps Anki's version of a note changed on both sides, visible to git.</summary>
internal static class ConflictFiles
{
    public const string Folder = "conflicts";

    public static string RelativePath(string noteKey) => $"{Folder}/{noteKey}.md";

    public static string FullPath(string collectionDir, string noteKey) => Path.Combine(collectionDir, Folder, noteKey + ".md");

    /// <summary>Deletes the conflict files of notes no longer in conflict, and the folder once it is empty.</summary>
    public static void RemoveSettled(string collectionDir, IReadOnlySet<string> openConflicts)
    {
        string folder = Path.Combine(collectionDir, Folder);
        if (!Directory.Exists(folder))
            return;
        foreach (string file in Directory.EnumerateFiles(folder, "*.md"))
        {
            if (!openConflicts.Contains(Path.GetFileNameWithoutExtension(file)))
                File.Delete(file);
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
    }
}
