using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Tests.Markdown;
using AnkiMcp.Tests.Mcp;

namespace AnkiMcp.Tests.Cli;

/// <summary><c>ankimcp serialize</c> and <c>deserialize</c> run as a script runs them.</summary>
public sealed class SerializeCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SerializeThenDeserializeRecreatesTheDecks()
    {
        using TempCollection source = new();
        source.Write("Biology__Cells.md", "<!-- note_key: 0123456789ab -->\n<!-- tags: bio -->\nQ: Powerhouse?\nA: ```python\nprint('ATP')\n```\n\n---\n\nT: The {{c1::nucleus}}.\n");
        using TempCollection target = new();
        string jsonFile = Path.Combine(target.Dir, "batch.json");

        var serialized = await CliRunner.RunAsync(["serialize", "--collection", source.Dir, "-o", jsonFile], "", cancellationToken: Ct);
        Assert.True(serialized.ExitCode == 0, serialized.Stderr);
        var deserialized = await CliRunner.RunAsync(["deserialize", "-c", target.Dir, "-i", jsonFile], "", cancellationToken: Ct);
        Assert.True(deserialized.ExitCode == 0, deserialized.Stderr);

        DeckFile original = MarkdownCollection.Load(source.Dir).Decks[0];
        DeckFile copy = Assert.Single(MarkdownCollection.Load(target.Dir).Decks);
        Assert.Equal("Biology::Cells", copy.DeckName);
        Assert.Equal(original.Notes.Select(n => (n.Key, n.Fingerprint)), copy.Notes.Select(n => (n.Key, n.Fingerprint)));

        var again = await CliRunner.RunAsync(["deserialize", "-c", target.Dir, "-i", "-"], File.ReadAllText(jsonFile), cancellationToken: Ct);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SerializeToStdoutReportsBrokenDecks()
    {
        using TempCollection collection = new();
        collection.Write("Broken.md", "Q: only a question\n");

        var result = await CliRunner.RunAsync(["serialize", "-c", collection.Dir, "-o", "-"], "", cancellationToken: Ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Broken.md:1:", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task LikeAnkiOps_SerializeWritesAndDeserializeReadsAnkiCollectionJsonInTheCurrentFolder()
    {
        using TempCollection source = new();
        source.Write("Biology.md", "<!-- note_key: 0123456789ab -->\nQ: Powerhouse?\nA: Mitochondrion\n");
        source.Write("Biology__Cells.md", "Q: Smallest unit?\nA: The cell\n");
        using TempCollection target = new();
        string workingDirectory = Path.Combine(target.Dir, "work");
        Directory.CreateDirectory(workingDirectory);

        var serialized = await ServerLauncher.RunInAsync(workingDirectory, ["serialize", "-c", source.Dir], Ct);
        var scoped = await ServerLauncher.RunInAsync(workingDirectory, ["serialize", "-c", source.Dir, "--deck", "Biology::Cells"], Ct);
        var deserialized = await ServerLauncher.RunInAsync(workingDirectory, ["deserialize", "-c", target.Dir], Ct);

        Assert.True(serialized.ExitCode == 0, serialized.Stderr);
        Assert.Empty(serialized.Stdout);
        Assert.True(scoped.ExitCode == 0, scoped.Stderr);
        Assert.Contains("\"Biology::Cells\"", File.ReadAllText(Path.Combine(workingDirectory, "Biology__Cells.json")), StringComparison.Ordinal);
        Assert.True(deserialized.ExitCode == 0, deserialized.Stderr);
        Assert.Equal(["Biology", "Biology::Cells"], MarkdownCollection.Load(target.Dir).Decks.Select(deck => deck.DeckName));
        var missing = await ServerLauncher.RunInAsync(source.Dir, ["deserialize", "-c", target.Dir], Ct);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("AnkiCollection.json does not exist", missing.Stderr, StringComparison.Ordinal);
    }
}
