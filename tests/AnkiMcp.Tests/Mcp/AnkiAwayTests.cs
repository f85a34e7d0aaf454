using System.Collections.Concurrent;
using System.Text.Json;
using AnkiMcp.Core.Markdown;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

/// <summary>Anki closed, or at its profile chooser, is an expected condition: one readable line, and what to do.</summary>
public sealed class AnkiAwayTests : CollectionTest
{
    // Through the executable, to read its stderr as the person's MCP client shows it.
    [Fact]
    public async Task WithAnkiAway_EachFailingToolLogsOneLineWithoutAStackTrace()
    {
        ConcurrentQueue<string> stderr = new();
        StdioClientTransport transport = new(new StdioClientTransportOptions
        {
            Name = "ankimcp",
            Command = "dotnet",
            Arguments = [ServerLauncher.Executable, "serve", "--collection", Collection, "--anki-url", ServerLauncher.UnreachableAnki],
            WorkingDirectory = AppContext.BaseDirectory,
            EnvironmentVariables = new Dictionary<string, string?> { ["ANKIMCP_COLLECTION"] = null, ["ANKIMCP_APPROVAL"] = null },
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        await using (McpClient client = await McpClient.CreateAsync(transport, McpTestClient.Patient(null), cancellationToken: Ct))
        {
            await client.CallFailingAsync("find_notes", Args(("query", "tag:rust")), Ct);
            await client.CallFailingAsync("sync", Args(), Ct);
            await client.CallFailingAsync("propose_cards", Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = ".git", question = "q", answer = "a" } })), Ct);
        }

        string[] lines = [.. stderr];
        Assert.Equal(3, lines.Count(line => line.StartsWith("ankimcp: ", StringComparison.Ordinal) && line.Contains("find_notes", StringComparison.Ordinal)
            || line.StartsWith("ankimcp: sync: ", StringComparison.Ordinal) || line.StartsWith("ankimcp: propose_cards: ", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.StartsWith("ankimcp: find_notes: Anki is not reachable", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ankimcp: sync: Anki is not reachable", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains(" at System.", StringComparison.Ordinal));
        Assert.True(lines.Length <= 5, string.Join('\n', lines));
    }

    [Fact]
    public async Task AtTheProfileChooser_ToolsSayToOpenAProfile_AndCreatedCardsWaitInMarkdown()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(4))), Ct);
        anki.ShowProfileChooser();

        JsonElement status = await client.CallAsync("status", Args(), Ct);
        string found = await client.CallFailingAsync("find_notes", Args(("query", "tag:rust")), Ct);
        string synced = await client.CallFailingAsync("sync", Args(), Ct);
        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.False(status.GetProperty("anki_reachable").GetBoolean());
        Assert.Contains("open your profile in Anki", status.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("open your profile in Anki", found, StringComparison.Ordinal);
        Assert.Contains("open your profile in Anki", synced, StringComparison.Ordinal);
        Assert.False(created.GetProperty("all_in_anki").GetBoolean());
        Assert.Contains("open your profile in Anki", created.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(Assert.Single(MarkdownCollection.Load(Collection).Decks).Notes);

        anki.SetActiveProfile(anki.ActiveProfile);
        JsonElement later = await client.CallAsync("sync", Args(), Ct);
        Assert.Equal(1, later.GetProperty("anki").GetProperty("created").GetInt32());
    }
}
