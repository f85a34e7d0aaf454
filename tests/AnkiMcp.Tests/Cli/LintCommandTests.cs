using System.Text.Json;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.Cli;

/// <summary><c>ankimcp lint</c> over the notes of a Markdown collection, as a script runs it.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly TempCollection _collection = new();

    public LintCommandTests()
    {
        _collection.Write("Programming__Rust.md",
            "<!-- note_key: 0123456789ab -->\nQ: In Rust, what does the `Copy` trait change about assignment?\nA: The value is copied, so the original stays usable.\n\n---\n\n" +
            "<!-- note_key: 0123456789ac -->\nT: {{c1::It}} returns pairs.\n\n---\n\n" +
            "Q: Why is Rust memory safe?\nCHAIN: ownership, borrowing, lifetimes, the borrow checker\n");
        _collection.Write("Programming__Rust__Traits.md", "Q: Is `Clone` a supertrait of `Copy` in Rust?\nA: Yes.\n");
        _collection.Write("Programming__Git.md", "Q: What does `git stash` do?\nA: Shelves uncommitted changes.\n\n---\n\nQ: In Git, what does `git stash` do?\nA: Shelves changes.\n");
        _collection.Write("Quiz.md", "Q: Which are prime?\nC1: 2\nC2: 4\nC3: 5\nA: 1, 3\n");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _collection.Dispose();

    [Fact]
    public async Task Lint_ListsEachFlaggedNoteWithWhatToDoAndExitsWithTwo()
    {
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir], cancellationToken: Ct);

        Assert.Equal(2, exitCode);
        Assert.Empty(stderr);
        Assert.Contains("Programming__Rust.md:7 (Programming::Rust, note 0123456789ac)\n  warning orphan-context: The card opens with \"It\"", stdout, StringComparison.Ordinal);
        Assert.Contains("          → Replace \"it\", \"this\" or \"as above\"", stdout, StringComparison.Ordinal);
        Assert.Contains("Programming__Rust.md:12 (Programming::Rust)\n  warning why-no-causal-link:", stdout, StringComparison.Ordinal);
        Assert.Contains("Programming__Rust__Traits.md:1 (Programming::Rust::Traits)\n  advice  yes-no-question:", stdout, StringComparison.Ordinal);
        Assert.Contains("Programming__Git.md:6 (Programming::Git)\n  warning duplicate: Says nearly the same as Programming__Git.md line 1.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Programming__Rust.md:1 ", stdout, StringComparison.Ordinal);
        Assert.EndsWith("Checked 6 notes: 4 flagged (3 warnings, 1 advice). Not checked, the rules do not fit their note type: 1 AnkiMcpChoice.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_OneDeckWithItsSubdecksAsJson()
    {
        var (exitCode, stdout, _) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir, "--deck", "Programming::Rust", "--json"], cancellationToken: Ct);

        Assert.Equal(2, exitCode);
        using JsonDocument report = JsonDocument.Parse(stdout);
        Assert.Equal(4, report.RootElement.GetProperty("checked").GetInt32());
        JsonElement[] flagged = [.. report.RootElement.GetProperty("flagged").EnumerateArray()];
        Assert.Equal(["Programming__Rust.md", "Programming__Rust.md", "Programming__Rust__Traits.md"], flagged.Select(note => note.GetProperty("file").GetString()));
        JsonElement flag = flagged[0].GetProperty("flags")[0];
        Assert.Equal("orphan-context", flag.GetProperty("rule").GetString());
        Assert.Equal("warning", flag.GetProperty("severity").GetString());
        Assert.StartsWith("The card opens with", flag.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(flag.GetProperty("suggestion").GetString()));
        Assert.Equal("0123456789ac", flagged[0].GetProperty("noteKey").GetString());
    }

    [Fact]
    public async Task Lint_ACleanDeckExitsWithZero()
    {
        var (exitCode, stdout, _) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir, "--deck", "Programming::Git"], cancellationToken: Ct);

        Assert.Equal(2, exitCode);
        Assert.Contains("duplicate", stdout, StringComparison.Ordinal);

        _collection.Write("Programming__Git.md", "Q: In Git, what does `git stash` do?\nA: Shelves uncommitted changes.\n");
        (exitCode, stdout, _) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir, "--deck", "Programming::Git"], cancellationToken: Ct);

        Assert.Equal(0, exitCode);
        Assert.Equal("Checked 1 note: nothing flagged.\n", stdout);
    }

    [Fact]
    public async Task Lint_SaysWhatItCouldNotCheckAndExitsWithOne()
    {
        _collection.Write("Broken.md", "Q: only a question\n");

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir], cancellationToken: Ct);
        Assert.Equal(1, exitCode);
        Assert.Contains("not checked: Broken.md:1:", stderr, StringComparison.Ordinal);
        Assert.Contains("1 problems in deck files kept some notes from being checked (on stderr).", stdout, StringComparison.Ordinal);

        (exitCode, _, stderr) = await CliRunner.RunAsync(["lint", "-c", _collection.Dir, "--deck", "Cooking"], cancellationToken: Ct);
        Assert.Equal(1, exitCode);
        Assert.Contains("no deck file for deck 'Cooking'; the decks are: ", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await CliRunner.RunAsync(["lint", "-c", Path.Combine(_collection.Dir, "missing")], cancellationToken: Ct);
        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist; pass --collection or set ANKIMCP_COLLECTION", stderr, StringComparison.Ordinal);
    }
}
