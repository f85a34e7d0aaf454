using LibGit2Sharp;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary>Folders laid out as AnkiOps 0.6.6 lays them out, from the fixture note types in <c>TestData/AnkiOps</c>
/// (written for these tests in AnkiOps' format: its six text note types with their fields, labels and flags).</summary>
internal static class AnkiOpsFixture
{
    private static string NoteTypes => Path.Combine(AppContext.BaseDirectory, "TestData", "AnkiOps", "note_types");

    /// <summary>Copies AnkiOps' note types into <c>note_types/</c> of <paramref name="folder"/>.</summary>
    public static void WriteNoteTypes(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(NoteTypes, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, "note_types", Path.GetRelativePath(NoteTypes, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>A subscribed collab deck repository, <c>collab/&lt;owner&gt;/&lt;repo&gt;/</c>: its own git repository
    /// with AnkiOps' note types; returns its folder.</summary>
    public static string AddCollabSource(string collectionDir, string owner = "owner", string repository = "repo")
    {
        string folder = Path.Combine(collectionDir, "collab", owner, repository);
        Directory.CreateDirectory(folder);
        WriteNoteTypes(folder);
        Repository.Init(folder);
        return folder;
    }
}
