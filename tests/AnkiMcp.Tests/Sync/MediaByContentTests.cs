using AnkiMcp.Core.Markdown.Media;
using AnkiMcp.Core.Sync;
using LibGit2Sharp;

namespace AnkiMcp.Tests.Sync;

/// <summary>Media travel by content: names carry the content's digest (AnkiOps' format), a replaced picture reaches Anki
/// under its new name with the references following, and a link out of the collection is never followed.</summary>
public sealed class MediaByContentTests
{
    private static readonly byte[] OldPicture = [0x89, 0x50, 0x4E, 0x47, 1, 1, 1];
    private static readonly byte[] NewPicture = [0x89, 0x50, 0x4E, 0x47, 2, 2, 2, 2];

    private static string Hashed(string name, byte[] content) => MediaFolder.HashedName(name, content);

    [Fact]
    public async Task AReplacedImage_ReachesAnkiUnderItsNewHashedName_AndTheReferencesFollowOnBothSides()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        Directory.CreateDirectory(world.Path("media"));
        File.WriteAllBytes(world.Path("media", "diagram.png"), OldPicture);
        world.Write("Biology.md", "Q: What does the cell look like?\nA: ![diagram](media/diagram.png)\n\n---\n\nQ: Untouched?\nA: yes\n");

        SyncReport first = await world.SyncAsync();

        string oldName = Hashed("diagram.png", OldPicture);
        Assert.Equal([new MediaRename("diagram.png", oldName)], first.Plan.RenamedMedia);
        Assert.False(File.Exists(world.Path("media", "diagram.png")));
        Assert.Contains($"![diagram](<media/{oldName}>)", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Equal(OldPicture, world.Anki.Inspect(collection => collection.Media[oldName]));
        Assert.Contains($"src=\"{oldName}\"", world.NoteWithQuestion("What does the cell look like?").Fields["Answer"], StringComparison.Ordinal);

        File.WriteAllBytes(world.Path("media", oldName), NewPicture);
        SyncReport plan = await world.SyncAsync(new SyncOptions { DryRun = true });
        SyncReport replaced = await world.SyncAsync();

        string newName = Hashed("diagram.png", NewPicture);
        Assert.Equal([new MediaRename(oldName, newName)], plan.Plan.RenamedMedia);
        Assert.Equal(["Answer"], Assert.Single(plan.Plan.Changes).Fields);
        Assert.Equal(SyncOutcome.InStep, replaced.Outcome);
        Assert.Contains(new MediaTransfer(newName, SyncSide.Anki), replaced.Plan.Media);
        Assert.Equal(NewPicture, world.Anki.Inspect(collection => collection.Media[newName]));
        Assert.Contains($"src=\"{newName}\"", world.NoteWithQuestion("What does the cell look like?").Fields["Answer"], StringComparison.Ordinal);
        Assert.Contains($"![diagram](<media/{newName}>)", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }

    [Fact]
    public async Task APictureChangedInAnki_ComesBackIntoMedia()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What does the cell look like?"));
        await world.SyncAsync();
        world.Anki.AddMedia("paste-cell.png", NewPicture);
        world.Anki.EditNote(world.NoteWithQuestion("What does the cell look like?").Id, "Answer", "<img src=\"paste-cell.png\">");

        SyncReport report = await world.SyncAsync();

        Assert.Contains(new MediaTransfer("paste-cell.png", SyncSide.Markdown), report.Plan.Media);
        Assert.Equal(NewPicture, File.ReadAllBytes(world.Path("media", "paste-cell.png")));
        Assert.Contains("media/paste-cell.png", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkToAFileOutsideTheCollection_IsNeitherUploadedNorCommitted_AndADanglingLinkIsAMessage()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        string outside = Path.Combine(Path.GetTempPath(), "ankimcp-secret-" + Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllText(outside, "SECRET CONTENT");
        try
        {
            Directory.CreateDirectory(world.Path("media"));
            File.CreateSymbolicLink(world.Path("media", "secret.png"), outside);
            File.CreateSymbolicLink(world.Path("media", "gone.png"), world.Path("media", "no-such-file.png"));
            world.Write("Biology.md", "Q: What is here?\nA: ![s](media/secret.png)\n\n---\n\nQ: And here?\nA: ![g](media/gone.png)\n");

            SyncReport report = await world.SyncAsync();

            Assert.Contains(report.Warnings, warning => warning.Contains("media/secret.png", StringComparison.Ordinal) && warning.Contains("outside the collection", StringComparison.Ordinal));
            Assert.Contains(report.Warnings, warning => warning.Contains("media/gone.png", StringComparison.Ordinal) && warning.Contains("does not exist", StringComparison.Ordinal));
            Assert.Empty(report.Plan.RenamedMedia);
            Assert.Empty(report.Plan.Media);
            Assert.DoesNotContain(world.Anki.Inspect(collection => collection.Media.Values.ToList()),
                content => System.Text.Encoding.UTF8.GetString(content).Contains("SECRET", StringComparison.Ordinal));
            Assert.NotNull(report.SnapshotCommit);
            using Repository repository = new(world.Dir);
            TreeEntry link = repository.Head.Tip["media/secret.png"];
            Assert.Equal(Mode.SymbolicLink, link.Mode);
            Assert.Equal(outside, ((Blob)link.Target).GetContentText());
            Assert.DoesNotContain(repository.ObjectDatabase.OfType<Blob>(), blob => blob.GetContentText().Contains("SECRET", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(outside);
        }
    }
}
