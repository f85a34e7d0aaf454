using System.Security.Cryptography;
using System.Text;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// One digest of every collection file a sync reads to plan: the deck files, everything under <c>note_types/</c> and
/// <c>conflicts/</c>, by path and by content (SHA-256 of the bytes, as the parser hashes a deck file), so that any
/// edit, new file or deleted file gives another digest.
/// </summary>
internal static class CollectionFilesDigest
{
    public static string Of(string collectionDir)
    {
        using IncrementalHash digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> content = stackalloc byte[SHA256.HashSizeInBytes];
        foreach ((string relative, string path) in Files(collectionDir).OrderBy(file => file.Relative, StringComparer.Ordinal))
        {
            digest.AppendData(Encoding.UTF8.GetBytes(relative));
            digest.AppendData([0]);
            using (FileStream stream = File.OpenRead(path))
                SHA256.HashData(stream, content);
            digest.AppendData(content);
        }
        return Convert.ToHexStringLower(digest.GetHashAndReset());
    }

    private static IEnumerable<(string Relative, string Path)> Files(string collectionDir)
    {
        foreach (string path in MarkdownCollection.DeckFilePaths(collectionDir))
            yield return (Path.GetFileName(path), path);
        foreach (string folder in new[] { NoteTypeLoader.FolderName, ConflictFiles.Folder })
        {
            string root = Path.Combine(collectionDir, folder);
            if (!Directory.Exists(root))
                continue;
            foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                yield return (Path.GetRelativePath(collectionDir, path).Replace('\\', '/'), path);
        }
    }
}
