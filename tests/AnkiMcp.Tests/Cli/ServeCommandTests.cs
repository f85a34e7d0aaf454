using AnkiMcp.Tests.Mcp;

namespace AnkiMcp.Tests.Cli;

/// <summary><c>ankimcp serve</c> makes a folder a collection only when that cannot surprise anyone.</summary>
public sealed class ServeCommandTests : CollectionTest
{
    [Fact]
    public async Task AFolderHoldingOtherFiles_IsRefused_SayingHowToNameTheCollection_AndLeftUntouched()
    {
        string project = Path.Combine(Collection, "project");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "README.md"), "# A project\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(project, ".gitignore"), "bin/\n", Ct);

        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["serve", "--collection", project], cancellationToken: Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"{project} is not a collection", stderr, StringComparison.Ordinal);
        Assert.Contains("--collection DIR", stderr, StringComparison.Ordinal);
        Assert.Contains("ANKIMCP_COLLECTION", stderr, StringComparison.Ordinal);
        Assert.Contains("--init", stderr, StringComparison.Ordinal);
        Assert.Equal([".gitignore", "README.md"], Directory.EnumerateFileSystemEntries(project).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("bin/\n", await File.ReadAllTextAsync(Path.Combine(project, ".gitignore"), Ct));
    }

    // Through the executable: nothing named, so the folder it was started in (here the test output folder) is the candidate.
    [Fact]
    public async Task NoCollectionSet_TheCurrentFolderIsNotTurnedIntoOne()
    {
        Directory.CreateDirectory(Collection);

        (int exitCode, string stdout, string stderr) = await ServerLauncher.RunInAsync(Collection, ["serve"], Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("no collection is set, and the current folder", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Collection));
    }

    [Fact]
    public async Task WithInit_AFolderHoldingOtherFiles_BecomesACollection_AndTheServerRuns()
    {
        Directory.CreateDirectory(Collection);
        await File.WriteAllTextAsync(Path.Combine(Collection, "notes.txt"), "mine\n", Ct);

        (int exitCode, _, string stderr) = await ServerLauncher.RunAsync(["serve", "--init", "--collection", Collection], "", cancellationToken: Ct);

        Assert.Equal(0, exitCode);
        Assert.Contains("created a new collection", stderr, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Collection, "note_types", "AnkiMcpQA")));
        Assert.Equal("mine\n", await File.ReadAllTextAsync(Path.Combine(Collection, "notes.txt"), Ct));
    }
}
