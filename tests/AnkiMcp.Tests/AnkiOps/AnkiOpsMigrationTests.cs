using System.Globalization;
using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Sync;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary>
/// Moving from AnkiOps: an Anki that AnkiOps filled and its folder, with no AnkiMcp state at all. The fixture in
/// <c>TestData/AnkiOps/migration</c> holds deck files written for this test in AnkiOps' format (its tutorial's features
/// and the cases its converter tests pin: block model, lists, arrows, math delimiters, citation links, tables, a collab
/// source) and <c>anki.json</c>, the note types and notes exactly as AnkiOps 0.6.6 put them into Anki (made by AnkiOps'
/// own code: see <c>render_with_ankiops.py</c> there). The first sync, in every direction, must plan nothing.
/// </summary>
public sealed class AnkiOpsMigrationTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "TestData", "AnkiOps", "migration");

    private static async Task<SyncWorld> AnkiOpsWorldAsync()
    {
        SyncWorld world = await SyncWorld.StartAsync();
        foreach (string folder in Directory.EnumerateDirectories(Path.Combine(world.Dir, "note_types")))
            Directory.Delete(folder, recursive: true);
        AnkiOpsFixture.WriteNoteTypes(world.Dir);
        AnkiOpsFixture.AddCollabSource(world.Dir);
        foreach (string deck in Directory.EnumerateFiles(Fixture, "*.md", SearchOption.AllDirectories))
        {
            string target = Path.Combine(world.Dir, Path.GetRelativePath(Fixture, deck));
            File.Copy(deck, target);
        }

        using JsonDocument anki = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "anki.json"), SyncWorld.Cancel));
        foreach (JsonElement type in anki.RootElement.GetProperty("noteTypes").EnumerateArray())
        {
            world.Anki.CreateNoteType(
                type.GetProperty("name").GetString()!,
                [.. type.GetProperty("fields").EnumerateArray().Select(field => field.GetString()!)],
                [.. type.GetProperty("templates").EnumerateArray().Select(t => (t.GetProperty("Name").GetString()!, t.GetProperty("Front").GetString()!, t.GetProperty("Back").GetString()!))],
                type.GetProperty("isCloze").GetBoolean(),
                type.GetProperty("css").GetString());
        }
        foreach (JsonElement note in anki.RootElement.GetProperty("notes").EnumerateArray())
        {
            world.Anki.AddNote(
                note.GetProperty("deck").GetString()!,
                note.GetProperty("noteType").GetString()!,
                note.GetProperty("fields").EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!),
                [.. note.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!)]);
        }
        return world;
    }

    [Fact]
    public async Task AnAnkiFilledByAnkiOps_AndItsFolder_WithoutAnkiMcpState_FirstSyncPlansNothing()
    {
        await using SyncWorld world = await AnkiOpsWorldAsync();
        Assert.False(Directory.Exists(world.Path(".ankimcp")));

        foreach ((string name, Func<SyncOptions, Task<SyncReport>> run) in new (string, Func<SyncOptions, Task<SyncReport>>)[]
        {
            ("sync", world.SyncAsync), ("files-to-anki", world.MarkdownToAnkiAsync), ("anki-to-files", world.AnkiToMarkdownAsync),
        })
        {
            SyncReport report = await run(new SyncOptions { DryRun = true });
            Assert.True(report.Plan.IsEmpty, $"the first {name} plans: {Describe(report)}");
        }
    }

    [Fact]
    public async Task AnAnkiFilledByAnkiOps_FirstSyncMatchesEveryNoteByKey_AndLeavesNoteTypesAndMediaAlone()
    {
        await using SyncWorld world = await AnkiOpsWorldAsync();

        foreach (Func<SyncOptions, Task<SyncReport>> run in new Func<SyncOptions, Task<SyncReport>>[] { world.SyncAsync, world.MarkdownToAnkiAsync, world.AnkiToMarkdownAsync })
        {
            SyncReport report = await run(new SyncOptions { DryRun = true });
            Assert.True(report.Plan.NoteTypes.Count == 0 && report.Plan.Media.Count == 0 && report.Plan.RenamedMedia.Count == 0, Describe(report));
            Assert.DoesNotContain(report.Plan.Changes, change => change.Kind is SyncChangeKind.Create or SyncChangeKind.Delete or SyncChangeKind.Move);
            Assert.Empty(report.Warnings);
        }
    }

    [Fact]
    public async Task AfterTheFirstRealSync_AnkiAndTheFilesAreAsAnkiOpsLeftThem()
    {
        await using SyncWorld world = await AnkiOpsWorldAsync();
        Dictionary<string, string> files = DeckFiles(world);
        List<string> anki = AnkiNotes(world);

        SyncReport report = await world.SyncAsync();

        Assert.True(report.Plan.IsEmpty, $"the first sync did: {Describe(report)}");
        Assert.Equal(files, DeckFiles(world));
        Assert.Equal(anki, AnkiNotes(world));
        Assert.Empty((await world.SyncAsync(new SyncOptions { DryRun = true })).Plan.Changes);
    }

    private static Dictionary<string, string> DeckFiles(SyncWorld world) =>
        Directory.EnumerateFiles(world.Dir, "*.md", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + ".", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(world.Dir, path), File.ReadAllText);

    private static List<string> AnkiNotes(SyncWorld world) => world.Anki.Inspect(collection => collection.Notes
        .OrderBy(note => note.Id)
        .Select(note => $"{note.Model.Name}|{note.Cards[0].Deck.Name}|{string.Join('|', note.Values)}|{string.Join(' ', note.Tags)}")
        .ToList());

    // Which notes and fields a plan would change, for the failure message.
    private static string Describe(SyncReport report)
    {
        StringBuilder text = new();
        foreach (SyncChange change in report.Plan.Changes)
            text.Append(CultureInfo.InvariantCulture, $"\n  {change.Kind} in {change.Target}: {change.DeckName} {change.NoteKey} {change.NoteTypeName} \"{change.Summary}\" [{string.Join(", ", change.Fields)}] {change.Detail}");
        foreach (NoteTypeChange type in report.Plan.NoteTypes)
            text.Append(CultureInfo.InvariantCulture, $"\n  note type {type.Kind}: {type.Name} {type.Detail}");
        foreach (MediaTransfer media in report.Plan.Media)
            text.Append(CultureInfo.InvariantCulture, $"\n  media {media}");
        foreach (MediaRename rename in report.Plan.RenamedMedia)
            text.Append(CultureInfo.InvariantCulture, $"\n  media renamed {rename}");
        return text.ToString();
    }
}
