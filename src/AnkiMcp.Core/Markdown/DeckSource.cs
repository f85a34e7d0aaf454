using System.Text.RegularExpressions;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown;

/// <summary>A folder of deck files with its own <c>note_types/</c>: the collection folder itself ("local"), or a shared
/// deck repository at <c>collab/&lt;owner&gt;/&lt;repo&gt;/</c> as AnkiOps lays it out. A collab source's note types are
/// named <c>collab/&lt;owner&gt;/&lt;repo&gt;/&lt;Type&gt;</c> in Anki and in its deck files, so they never clash with the
/// collection's own types of the same folder name.</summary>
public sealed partial class DeckSource
{
    /// <summary>The folder under the collection that holds the collab sources, one <c>owner/repo</c> folder each.</summary>
    public const string CollabFolder = "collab";

    /// <summary>The name of the collection's own source, as in AnkiOps' JSON (<c>"source": "local"</c>).</summary>
    public const string LocalName = "local";

    private DeckSource(string directory, string? repository, NoteTypeRegistry noteTypes)
    {
        Directory = directory;
        Repository = repository;
        NoteTypes = noteTypes;
    }

    /// <summary>The full path of the source folder.</summary>
    public string Directory { get; }

    /// <summary><c>owner/repo</c> of a collab source; null for the collection's own decks.</summary>
    public string? Repository { get; }

    public bool IsCollab => Repository is not null;

    /// <summary><c>local</c> or <c>owner/repo</c>: the source's name in AnkiOps' JSON.</summary>
    public string Name => Repository ?? LocalName;

    /// <summary>The source folder relative to the collection, with '/': "" or <c>collab/owner/repo</c>.</summary>
    public string RelativePath => IsCollab ? $"{CollabFolder}/{Repository}" : "";

    /// <summary>What the source's note type names start with in Anki: "" or <c>collab/owner/repo/</c>.</summary>
    public string NoteTypePrefix => IsCollab ? RelativePath + "/" : "";

    /// <summary>The source's note types, under their Anki names.</summary>
    public NoteTypeRegistry NoteTypes { get; }

    /// <summary>The path of a file of this source relative to the collection, with '/'.</summary>
    public string RelativePathOf(string fileName) => NoteTypePrefix + fileName;

    /// <summary>The collection's own source followed by every <c>collab/&lt;owner&gt;/&lt;repo&gt;/</c> folder, by name;
    /// their note types come from <paramref name="noteTypes"/> when given (loaded again only when their files changed).</summary>
    /// <exception cref="CollectionFormatException">A source's note types are missing or invalid, or a collab folder's
    /// name cannot be a GitHub owner or repository.</exception>
    public static IReadOnlyList<DeckSource> Discover(string collectionDir, CachedNoteTypes? noteTypes = null)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        string root = Path.GetFullPath(collectionDir);
        Func<string, string, NoteTypeRegistry> load = noteTypes is null ? NoteTypeRegistry.Load : noteTypes.Get;
        List<DeckSource> sources = [new(root, null, load(root, ""))];
        string collab = Path.Combine(root, CollabFolder);
        if (!System.IO.Directory.Exists(collab))
            return sources;
        List<CollectionError> errors = [];
        foreach (string owner in System.IO.Directory.EnumerateDirectories(collab).Order(StringComparer.Ordinal))
        {
            foreach (string repository in System.IO.Directory.EnumerateDirectories(owner).Order(StringComparer.Ordinal))
            {
                string name = $"{Path.GetFileName(owner)}/{Path.GetFileName(repository)}";
                if (!OwnerName().IsMatch(Path.GetFileName(owner)) || !RepositoryName().IsMatch(Path.GetFileName(repository)) || Path.GetFileName(repository) is "." or "..")
                {
                    errors.Add(new CollectionError($"{CollabFolder}/{name}", 0, $"'{name}' is not a GitHub owner/repository name, so it cannot be a collab deck source; rename or move the folder"));
                    continue;
                }
                try
                {
                    sources.Add(new DeckSource(repository, name, load(repository, $"{CollabFolder}/{name}/")));
                }
                catch (CollectionFormatException invalid)
                {
                    errors.AddRange(invalid.Errors);
                }
            }
        }
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);
        return sources;
    }

    // AnkiOps' rules for the two parts of a collab source name.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$")]
    private static partial Regex OwnerName();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex RepositoryName();
}
