using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// <c>init</c>: makes a folder an AnkiMcp collection — default note types, <c>media/</c>, a <c>.gitignore</c> that keeps
/// the sync state out of git, a git repository and the state database — and links it to Anki's active profile.
/// Running it again is safe: it adds what is missing and re-links the profile. In a folder that has note types already
/// (an AnkiOps folder) it adds only the default types that do not clash with them.
/// </summary>
public static class CollectionInitializer
{
    private const string StateIgnoreLine = ".ankimcp/";

    /// <summary>Initialises the folder; <paramref name="anki"/> may be null or unreachable, then the first sync records the profile.</summary>
    /// <exception cref="Markdown.CollectionFormatException">The folder's note types are invalid; nothing was written.</exception>
    public static async Task<CollectionInitResult> InitializeAsync(string collectionDirectory, bool tutorial, AnkiConnectClient? anki, CancellationToken cancellationToken)
    {
        string directory = Path.GetFullPath(collectionDirectory);
        Directory.CreateDirectory(directory);
        DefaultNoteTypesWritten noteTypes = DefaultNoteTypes.WriteTo(directory);
        Directory.CreateDirectory(Path.Combine(directory, "media"));
        EnsureIgnored(directory);
        string? tutorialFile = tutorial ? WriteTutorial(directory) : null;
        GitSnapshot.EnsureRepository(directory);

        string? profile = null;
        if (anki is not null)
        {
            try
            {
                profile = (await anki.InvokeAsync("getActiveProfile", null, cancellationToken)).GetString();
            }
            catch (AnkiUnavailableException)
            {
                // Recorded by the first sync that reaches Anki.
            }
        }
        using SyncStateStore store = SyncStateStore.Open(directory);
        if (profile is not null)
        {
            using SyncStateTransaction transaction = store.BeginWrite();
            transaction.SetProfileName(profile);
            transaction.Commit();
        }
        return new CollectionInitResult(directory, profile, tutorialFile, noteTypes.Written, noteTypes.Skipped);
    }

    private static void EnsureIgnored(string directory)
    {
        string path = Path.Combine(directory, ".gitignore");
        string existing = File.Exists(path) ? File.ReadAllText(path) : "";
        if (existing.Split('\n').Any(line => line.Trim() is StateIgnoreLine or "/" + StateIgnoreLine))
            return;
        string separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.WriteAllText(path, existing + separator + "# AnkiMcp sync state (rebuilt from Anki when lost)\n" + StateIgnoreLine + "\n");
    }

    private static string? WriteTutorial(string directory)
    {
        string path = Path.Combine(directory, TutorialDeck.FileName);
        if (File.Exists(path))
            return null;
        File.WriteAllText(path, TutorialDeck.Text);
        return path;
    }
}
