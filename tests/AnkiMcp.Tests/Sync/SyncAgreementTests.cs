using AnkiMcp.AnkiConnectEmulator;
using AnkiMcp.Core.Markdown.Media;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Anki;

namespace AnkiMcp.Tests.Sync;

/// <summary>
/// A two-way sync that finds nothing changed since the last run found both sides agreeing answers from two requests
/// without reading a note; every change on either side since then is still found and synced.
/// </summary>
public sealed class SyncAgreementTests
{
    private static readonly byte[] Picture = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    // Anki's clock an hour back: every note is older than the second a sync reads the modification times in, so a
    // no-op records the agreement (a note changed within that second never lets it be recorded).
    private static Task<SyncWorld> StartAsync(IReadOnlyList<string>? profiles = null) =>
        SyncWorld.StartAsync(new EmulatorOptions { Clock = new FrozenClock(DateTimeOffset.UtcNow.AddHours(-1)), Profiles = profiles ?? ["User 1"] });

    private static string AgreementFile(SyncWorld world) => world.Path(".ankimcp", "agreement.json");

    /// <summary>Imports a deck, then syncs again: that no-op records the agreement.</summary>
    private static async Task<SyncWorld> AgreedWorldAsync(IReadOnlyList<string>? profiles = null)
    {
        SyncWorld world = await StartAsync(profiles);
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        await world.SyncAsync();
        Assert.False(File.Exists(AgreementFile(world)));
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
        Assert.True(File.Exists(AgreementFile(world)));
        world.Anki.ResetCounters();
        return world;
    }

    [Fact]
    public async Task NothingChanged_TwoRequestsAndNoNoteRead()
    {
        await using SyncWorld world = await AgreedWorldAsync();

        SyncReport report = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, report.Outcome);
        Assert.True(report.Plan.IsEmpty);
        Assert.Equal(2, world.Anki.HttpRequestCount);
        Assert.Equal(0, world.Anki.ActionCount("notesInfo"));
        Assert.True(File.Exists(AgreementFile(world)));
    }

    [Fact]
    public async Task WithoutAnAgreement_TheFirstQuestionAskedDuringTheCheck_ServesTheRun()
    {
        await using SyncWorld world = await StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        // Neither a hidden folder nor one without a definition is a note type: the check asks about the same types the run loads.
        Directory.CreateDirectory(world.Path("note_types", ".draft"));
        Directory.CreateDirectory(world.Path("note_types", "NotYetDefined"));

        SyncReport report = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, report.Outcome);
        Assert.Equal(2, world.Anki.Inspect(anki => anki.Notes.Count));
        Assert.Equal(1, world.Anki.ActionCount("getActiveProfile"));
    }

    [Fact]
    public async Task AFolderWithoutNoteTypes_IsReportedWithoutAskingAnki()
    {
        await using SyncWorld world = await StartAsync();
        Directory.Delete(world.Path("note_types"), recursive: true);
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));

        SyncRefusedException error = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("ankimcp init", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Anki.HttpRequestCount);
    }

    [Fact]
    public async Task NothingChanged_DryRunToo()
    {
        await using SyncWorld world = await AgreedWorldAsync();

        SyncReport report = await world.SyncAsync(new SyncOptions { DryRun = true });

        Assert.Equal(SyncOutcome.DryRun, report.Outcome);
        Assert.True(report.Plan.IsEmpty);
        Assert.Equal(2, world.Anki.HttpRequestCount);
    }

    [Fact]
    public async Task AMarkdownEdit_IsSynced_AndTheRunForgetsTheAgreement()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to What is ATP?", "adenosine triphosphate", StringComparison.Ordinal));

        SyncReport report = await world.SyncAsync();

        Assert.Equal(SyncOutcome.InStep, report.Outcome);
        Assert.Equal(SyncChangeKind.Update, Assert.Single(report.Plan.Changes).Kind);
        Assert.Equal("adenosine triphosphate", world.NoteWithQuestion("What is ATP?").Fields["Answer"]);
        Assert.False(File.Exists(AgreementFile(world)));
    }

    [Fact]
    public async Task AnAnkiEdit_IsSynced()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        world.Anki.AdvanceClock(TimeSpan.FromSeconds(5));
        world.Anki.EditNote(world.NoteWithQuestion("What is DNA?").Id, "Answer", "deoxyribonucleic acid");

        SyncReport report = await world.SyncAsync();

        Assert.Equal(SyncSide.Markdown, Assert.Single(report.Plan.Changes).Target);
        Assert.Contains("deoxyribonucleic acid", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardsMovedAndNotesAddedInAnki_AreSynced()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        long dna = world.NoteWithQuestion("What is DNA?").Id;
        world.Anki.MoveCards(world.Anki.Inspect(collection => collection.FindNote(dna)!.Cards.Select(card => card.Id).ToList()), "Genetics");
        world.Anki.AddNote("Biology", "AnkiMcpQA", new Dictionary<string, string> { ["Question"] = "What is RNA?", ["Answer"] = "ribonucleic acid" });

        SyncReport report = await world.SyncAsync();

        Assert.Contains("What is DNA?", world.Read("Genetics.md"), StringComparison.Ordinal);
        Assert.Contains("What is RNA?", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Contains(report.Plan.Changes, change => change.Kind == SyncChangeKind.Move);
    }

    [Fact]
    public async Task ANoteDeletedInAnki_IsSynced()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        world.Anki.DeleteNote(world.NoteWithQuestion("What is DNA?").Id);

        await world.SyncAsync();

        Assert.DoesNotContain("What is DNA?", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnkiEditInTheSecondTheModTimesWereRead_IsStillFound()
    {
        // Anki's clock stands still, not behind the sync's own clock: a note edited again within Anki's second keeps
        // its modification time, so no agreement may be recorded on it. (Frozen ahead of now, so a slow machine cannot
        // carry the sync's clock past it between the syncs, as a clock frozen at now could.)
        await using SyncWorld world = await SyncWorld.StartAsync(new EmulatorOptions { Clock = new FrozenClock(DateTimeOffset.UtcNow.AddHours(1)) });
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        await world.SyncAsync();
        await world.SyncAsync();
        Assert.False(File.Exists(AgreementFile(world)));
        world.Anki.EditNote(world.NoteWithQuestion("What is ATP?").Id, "Answer", "edited in the same second");

        await world.SyncAsync();

        Assert.Contains("edited in the same second", world.Read("Biology.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferencedPictureChangedInPlace_IsRenamedAndSent()
    {
        await using SyncWorld world = await StartAsync();
        string name = MediaFolder.HashedName("cell.png", Picture);
        Directory.CreateDirectory(world.Path("media"));
        File.WriteAllBytes(world.Path("media", name), Picture);
        world.Write("Biology.md", $"Q: What does the cell look like?\nA: ![cell](<media/{name}>)\n");
        await world.SyncAsync();
        await world.SyncAsync();
        Assert.True(File.Exists(AgreementFile(world)));
        byte[] changed = [.. Picture, 4];
        File.WriteAllBytes(world.Path("media", name), changed);

        SyncReport report = await world.SyncAsync();

        string renamed = MediaFolder.HashedName("cell.png", changed);
        Assert.Equal([new MediaRename(name, renamed)], report.Plan.RenamedMedia);
        Assert.Equal(changed, world.Anki.Inspect(collection => collection.Media[renamed]));
    }

    [Fact]
    public async Task ANoteTypeEdit_IsPushed()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        string css = Directory.EnumerateFiles(world.Path("note_types"), "*.css", SearchOption.AllDirectories).First();
        File.AppendAllText(css, "\n.card { color: navy; }\n");

        SyncReport report = await world.SyncAsync();

        Assert.NotEmpty(report.Plan.NoteTypes);
    }

    [Fact]
    public async Task AnAgreementRecordedAgainstAnotherStateIsIgnored()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        foreach (string file in Directory.GetFiles(world.Path(".ankimcp"), "state.db*"))
            File.Delete(file);

        SyncReport report = await world.SyncAsync();

        Assert.True(report.Plan.IsEmpty);
        Assert.NotEqual(0, world.Anki.ActionCount("notesInfo"));
    }

    [Fact]
    public async Task AnotherActiveProfile_IsRefusedWhileTheAgreementHolds()
    {
        await using SyncWorld world = await AgreedWorldAsync(["User 1", "Work"]);
        world.Anki.SetActiveProfile("Work");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("'User 1'", refused.Message, StringComparison.Ordinal);
        // Refused on Anki's first answer, before the modification times are asked for.
        Assert.Equal(1, world.Anki.HttpRequestCount);
    }

    [Fact]
    public async Task AProfileRelinkedByInit_IsNotHiddenByTheAgreement()
    {
        await using SyncWorld world = await AgreedWorldAsync(["User 1", "Work"]);
        world.Anki.SetActiveProfile("Work");
        await CollectionInitializer.InitializeAsync(world.Dir, tutorial: false, world.Client, SyncWorld.Cancel);
        // Anki looks exactly as agreed again, but the collection now belongs to the other profile.
        world.Anki.SetActiveProfile("User 1");

        SyncRefusedException refused = await Assert.ThrowsAsync<SyncRefusedException>(() => world.SyncAsync());

        Assert.Contains("belongs to the Anki profile 'Work'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushingApprovedNotes_ForgetsTheAgreement()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        string agreed = File.ReadAllText(AgreementFile(world));
        world.Write("Biology.md", world.Read("Biology.md") + "\n---\n\n<!-- note_key: aaaaaaaaaaa1 -->\nQ: What is RNA?\nA: ribonucleic acid\n");
        // The agreement put back as it was, to show that the push itself forgets it.
        File.WriteAllText(AgreementFile(world), agreed);

        NotesPushResult result = await world.Engine.PushNotesAsync(["aaaaaaaaaaa1"], SyncWorld.Cancel);

        Assert.Equal(PushStatus.Pushed, result.Status);
        Assert.False(File.Exists(AgreementFile(world)));
    }

    [Fact]
    public async Task AnUnreadableAgreement_MeansAFullRun()
    {
        await using SyncWorld world = await AgreedWorldAsync();
        File.WriteAllText(AgreementFile(world), File.ReadAllText(AgreementFile(world)).Replace("\"profile\"", "\"profil\"", StringComparison.Ordinal));

        SyncReport report = await world.SyncAsync();

        Assert.True(report.Plan.IsEmpty);
        // The full run found the sides agreeing and recorded the agreement afresh.
        Assert.Contains("\"profile\":\"User 1\"", File.ReadAllText(AgreementFile(world)), StringComparison.Ordinal);
    }
}
