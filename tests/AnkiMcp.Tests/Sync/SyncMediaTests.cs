using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

public sealed class SyncMediaTests
{
    [Fact]
    public async Task Media_GoesUpOnlyWhenAnkiLacksIt_AndComesDownWhenTheFolderLacksIt()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        Directory.CreateDirectory(world.Path("media"));
        byte[] cell = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        string cellName = AnkiMcp.Core.Markdown.Media.MediaFolder.HashedName("cell.png", cell);
        File.WriteAllBytes(world.Path("media", cellName), cell);
        world.Write("Biology.md", $"Q: What is this?\n![cell](<media/{cellName}>)\nA: A cell.\n");

        SyncReport up = await world.SyncAsync();

        Assert.Equal([new MediaTransfer(cellName, SyncSide.Anki)], up.Plan.Media);
        Assert.Equal(cell, world.Anki.Inspect(collection => collection.Media[cellName]));

        world.Write("Biology.md", world.Read("Biology.md").Replace("A cell.", "A eukaryotic cell.", StringComparison.Ordinal));
        world.Anki.ResetCounters();
        SyncReport unchangedMedia = await world.SyncAsync();
        Assert.Empty(unchangedMedia.Plan.Media);
        Assert.Equal(0, world.Anki.ActionCount("storeMediaFile") + world.Anki.ActionCount("getMediaFilesNames"));

        byte[] sound = [1, 2, 3, 4, 5];
        world.Anki.AddMedia("heart.mp3", sound);
        long id = world.NoteWithQuestion($"What is this?\n<img src=\"{cellName}\" alt=\"cell\">".Replace("\n", "<br>", StringComparison.Ordinal)).Id;
        world.Anki.EditNote(id, "Extra", "Listen: [sound:heart.mp3]");

        SyncReport down = await world.SyncAsync();

        Assert.Contains(new MediaTransfer("heart.mp3", SyncSide.Markdown), down.Plan.Media);
        Assert.Equal(sound, File.ReadAllBytes(world.Path("media", "heart.mp3")));
    }
}
