using System.Text.Json;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Cli;
using AnkiMcp.Tests.Mcp;

namespace AnkiMcp.Tests.Sync;

/// <summary>The sync commands as a user runs them, against the emulator; the last step of the first test runs the real <c>ankimcp</c> executable.</summary>
public sealed class SyncCliTests
{
    private static Task<(int ExitCode, string Stdout, string Stderr)> RunExecutableAsync(SyncWorld world, params string[] arguments) =>
        ServerLauncher.RunAsync([.. arguments, "--collection", world.Dir, "--anki-url", world.Anki.Url.ToString()], "",
            new Dictionary<string, string?> { ["ANKI_CONNECT_URL"] = null, ["ANKI_CONNECT_KEY"] = null }, SyncWorld.Cancel);

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(SyncWorld world, params string[] arguments) =>
        CliRunner.RunAsync([.. arguments, "--collection", world.Dir, "--anki-url", world.Anki.Url.ToString()], cancellationToken: SyncWorld.Cancel);

    [Fact]
    public async Task Init_ThenDryRunAsJson_ThenMarkdownToAnki_ThenTheExecutableFindsNothingToSync()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();

        (int initCode, string initOut, string initErr) = await RunAsync(world, "init", "--tutorial");

        Assert.True(initCode == 0, initErr);
        Assert.Contains("'User 1'", initOut, StringComparison.Ordinal);
        Assert.Contains(".ankimcp/", world.Read(".gitignore"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(world.Path(".git")));
        Assert.True(Directory.Exists(world.Path("media")));
        Assert.True(File.Exists(world.Path("note_types", "AnkiMcpWhy", "note_type.yaml")));
        using (SyncStateStore state = SyncStateStore.Open(world.Dir))
            Assert.Equal("User 1", state.ProfileName);
        string tutorial = world.Read("AnkiMcp Tutorial.md");

        (int dryCode, string dryOut, string dryErr) = await RunAsync(world, "ma", "--dry-run", "--json");

        Assert.True(dryCode == 0, dryErr);
        using JsonDocument plan = JsonDocument.Parse(dryOut);
        Assert.True(plan.RootElement.GetProperty("dryRun").GetBoolean());
        JsonElement changes = plan.RootElement.GetProperty("plan").GetProperty("changes");
        Assert.Equal(5, changes.GetArrayLength());
        Assert.All(changes.EnumerateArray(), change => Assert.Equal("create", change.GetProperty("kind").GetString()));
        Assert.Equal("AnkiMcp Tutorial", plan.RootElement.GetProperty("plan").GetProperty("decks")[0].GetProperty("deckName").GetString());
        Assert.Empty(world.ManagedNotes());
        Assert.Equal(tutorial, world.Read("AnkiMcp Tutorial.md"));

        (int code, string output, string error) = await RunAsync(world, "markdown-to-anki");

        Assert.True(code == 0, error);
        Assert.Contains("markdown-to-anki: 5 create in Anki", output, StringComparison.Ordinal);
        Assert.Equal(5, world.ManagedNotes().Count);
        Assert.Equal(5, world.KeysIn("AnkiMcp Tutorial.md").Count);
        (int againCode, string again, _) = await RunExecutableAsync(world, "sync");
        Assert.Equal(0, againCode);
        Assert.Contains("nothing to do", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WithAnkiAway_ExitsWithAClearMessage_AndChangesNothing()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        world.Anki.RefuseConnections();

        (int code, _, string error) = await RunAsync(world, "sync");

        Assert.Equal(1, code);
        Assert.Contains("Anki is not reachable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(world.KeysIn("Biology.md"));
    }

    [Fact]
    public async Task InvalidMarkdown_IsReportedWithFileAndLine()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "Q: What is ATP?\nA: energy\n\n---\n\nNOPE: unknown label\n");

        (int code, _, string error) = await RunAsync(world, "am");

        Assert.Equal(1, code);
        Assert.Contains("Biology.md:6", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnkiOpsCommandNames_FaAndAf_RunTheTwoDirections()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        Assert.Equal(0, (await RunAsync(world, "init")).ExitCode);
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));

        (int faCode, string faOut, string faErr) = await RunAsync(world, "fa");

        Assert.True(faCode == 0, faErr);
        Assert.Contains("markdown-to-anki: 1 create in Anki", faOut, StringComparison.Ordinal);
        AnkiSideNote note = world.NoteWithQuestion("What is ATP?");
        world.Anki.EditNote(note.Id, "Answer", "edited in Anki");

        (int afCode, string afOut, string afErr) = await RunAsync(world, "anki-to-files");

        Assert.True(afCode == 0, afErr);
        Assert.Contains("anki-to-markdown: 1 update in Markdown", afOut, StringComparison.Ordinal);
        Assert.Contains("A: edited in Anki", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Contains("nothing to do", (await RunAsync(world, "files-to-anki")).Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing to do", (await RunAsync(world, "af")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenConflicts_ExitWithTheirOwnCode_AndJsonSaysWhich_ThenPreferKeySettlesOne()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?", "What is DNA?"));
        Assert.Equal(0, (await RunAsync(world, "sync")).ExitCode);
        string key = world.KeysIn("Biology.md")[0];
        world.Write("Biology.md", world.Read("Biology.md").Replace("answer to What is ATP?", "Markdown answer", StringComparison.Ordinal));
        world.Anki.EditNote(world.NoteWithKey(key).Id, "Answer", "Anki answer");

        (int code, string output, string error) = await RunAsync(world, "sync", "--json");

        Assert.True(code == 3, error);
        using (JsonDocument report = JsonDocument.Parse(output))
        {
            Assert.Equal("conflictsOpen", report.RootElement.GetProperty("outcome").GetString());
            JsonElement conflict = Assert.Single(report.RootElement.GetProperty("conflicts").EnumerateArray());
            Assert.Equal(key, conflict.GetProperty("noteKey").GetString());
            Assert.Equal("What is ATP?", conflict.GetProperty("summary").GetString());
        }
        (int plainCode, string plain, _) = await RunAsync(world, "sync");
        Assert.Equal(3, plainCode);
        Assert.Contains($"--prefer markdown:{key}", plain, StringComparison.Ordinal);

        (int badCode, _, string badError) = await RunAsync(world, "sync", "--prefer", "sideways");
        Assert.NotEqual(0, badCode);
        Assert.Contains("say markdown or anki", badError, StringComparison.Ordinal);

        (int settledCode, string settled, string settledError) = await RunAsync(world, "sync", "--prefer", $"anki:{key}");
        Assert.True(settledCode == 0, settledError);
        Assert.Contains("A: Anki answer", world.Read("Biology.md"), StringComparison.Ordinal);
        Assert.Contains("\"What is ATP?\" [Answer]", settled, StringComparison.Ordinal);
    }
}
