using System.Buffers;
using System.Text;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.Media;
using Microsoft.Win32.SafeHandles;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Gives the referenced media files their content-hashed names before notes go to Anki, as AnkiOps' files-to-anki does:
/// a file whose name does not carry its content's digest (new, or changed in place) is renamed, and every reference in
/// the deck files follows, so a changed picture reaches Anki under a new name. Links out of the collection are never read.
/// </summary>
internal sealed class MediaRenamer(string collectionDirectory)
{
    private readonly MediaFolder _folder = new(collectionDirectory);

    /// <summary>Works out the renames and the deck file texts they make; changes nothing.</summary>
    public async Task<MediaRenames> PlanAsync(LocalCollection local, CancellationToken cancellationToken)
    {
        Dictionary<string, string> texts = new(StringComparer.Ordinal);
        HashSet<string> referenced = new(StringComparer.Ordinal);
        foreach (DeckFile deck in local.Collection.Decks)
        {
            if (!MayHoldReference(deck.Path))
                continue;
            string text = await File.ReadAllTextAsync(deck.Path, cancellationToken);
            texts[deck.Path] = text;
            referenced.UnionWith(MediaFolder.Scan(Path.GetFileName(deck.Path), text).References.Select(reference => reference.FileName));
        }

        Dictionary<string, string> renames = await RenamesAsync(referenced, cancellationToken);
        Dictionary<string, string> rewritten = new(StringComparer.Ordinal);
        if (renames.Count > 0)
        {
            foreach ((string path, string text) in texts)
            {
                string updated = MediaFolder.RewriteReferences(text, renames);
                if (!string.Equals(updated, text, StringComparison.Ordinal))
                    rewritten[path] = updated;
            }
        }
        return new MediaRenames(renames, rewritten, texts) { Referenced = [.. referenced.Order(StringComparer.Ordinal)] };
    }

    /// <summary>The referenced files whose name does not carry their content's digest, with the name that does.</summary>
    public async Task<Dictionary<string, string>> RenamesAsync(IEnumerable<string> referenced, CancellationToken cancellationToken)
    {
        Dictionary<string, string> renames = new(StringComparer.Ordinal);
        foreach (string name in referenced.Order(StringComparer.Ordinal))
        {
            // A file that cannot be read (missing, or a link that must not be followed) is reported when a note that needs it goes to Anki.
            MediaFileState file = _folder.Inspect(name);
            if (name.StartsWith('.') || file.Kind != MediaFileKind.Readable)
                continue;
            string hashed = MediaFolder.HashedNameFor(name, await MediaFolder.DigestAsync(file.Path!, cancellationToken));
            if (hashed != name)
                renames[name] = hashed;
        }
        return renames;
    }

    // Most deck files hold no media at all: a plain search, in pooled buffers, spares them being kept as text and
    // scanned line by line (a deck file that refers to nothing is never rewritten).
    private static bool MayHoldReference(string path)
    {
        using SafeFileHandle file = File.OpenHandle(path);
        int length = checked((int)RandomAccess.GetLength(file));
        byte[] bytes = ArrayPool<byte>.Shared.Rent(length);
        char[] chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(length));
        try
        {
            int read = 0;
            for (int count; read < length && (count = RandomAccess.Read(file, bytes.AsSpan(read, length - read), read)) > 0;)
                read += count;
            return MediaFolder.MayHoldReference(chars.AsSpan(0, Encoding.UTF8.GetChars(bytes.AsSpan(0, read), chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Renames the files and writes the deck files; a deck file edited since it was read is refused.</summary>
    public void Apply(MediaRenames plan)
    {
        foreach ((string path, string text) in plan.DeckTexts)
        {
            if (!string.Equals(File.ReadAllText(path), plan.ReadTexts[path], StringComparison.Ordinal))
                throw new SyncRefusedException($"{Path.GetFileName(path)} changed while the sync was running. Nothing was changed; run the sync again.");
        }
        foreach ((string from, string to) in plan.Renames)
        {
            string source = _folder.FullPathOf(from);
            string target = _folder.FullPathOf(to);
            // The digest is in the name: a file already there under it holds the same picture.
            if (File.Exists(target))
                File.Delete(source);
            else
                File.Move(source, target);
        }
        foreach ((string path, string text) in plan.DeckTexts)
            AtomicFile.WriteAllText(path, text);
    }
}
