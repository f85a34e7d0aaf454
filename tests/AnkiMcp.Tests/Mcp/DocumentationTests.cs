using System.Text.Json;
using System.Text.RegularExpressions;
using AnkiMcp.Tests.Cli;
using ModelContextProtocol.Client;

namespace AnkiMcp.Tests.Mcp;

/// <summary>What people and assistants read must match what the server and the executable really offer: the skill only
/// names tools and prompts that exist, the README lists every one of them, and the client and package examples start a
/// real command.</summary>
public sealed partial class DocumentationTests : CollectionTest
{
    private static readonly string s_root = FindRepositoryRoot();
    [Fact]
    public async Task SkillAndReadme_NameExactlyTheServersToolsAndPrompts()
    {
        await using McpClient client = await StartServerAsync();
        HashSet<string> tools = [.. (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name)];
        HashSet<string> prompts = [.. (await client.ListPromptsAsync(cancellationToken: Ct)).Select(p => p.Name)];
        string skill = File.ReadAllText(Path.Combine(s_root, "skills", "anki-lesson-cards", "SKILL.md"));
        string readme = File.ReadAllText(Path.Combine(s_root, "README.md"));

        HashSet<string> namedBySkill = [.. SnakeCaseName().Matches(skill).Select(m => m.Groups[1].Value)];
        Assert.Empty(namedBySkill.Except(tools).Except(prompts));
        Assert.Subset(namedBySkill, new HashSet<string> { "propose_cards", "approve_proposals", "revise_proposal", "reject_proposals", "list_proposals" });
        int section = readme.IndexOf("\n## MCP tools, prompts and resources", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md needs its section on the MCP tools");
        int sectionEnd = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        IEnumerable<string> tabledByReadme = ReadmeTableName().Matches(readme[section..sectionEnd]).Select(m => m.Groups[1].Value);
        Assert.Equal(tools.Union(prompts).Order(StringComparer.Ordinal), tabledByReadme.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SkillFrontMatter_HasNameAndDescription()
    {
        string[] lines = File.ReadAllLines(Path.Combine(s_root, "skills", "anki-lesson-cards", "SKILL.md"));
        int end = Array.IndexOf(lines, "---", 1);

        Assert.Equal("---", lines[0]);
        Assert.True(end > 1, "SKILL.md needs front matter between --- lines");
        Assert.Contains("name: anki-lesson-cards", lines[1..end]);
        Assert.Contains(lines[1..end], line => line.StartsWith("description: ", StringComparison.Ordinal) && line.Length > 100);
    }

    [Fact]
    public async Task ClientExamples_StartTheServeCommand()
    {
        using JsonDocument example = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_root, "mcp.json.example")));
        List<JsonProperty> servers = [.. example.RootElement.GetProperty("mcpServers").EnumerateObject()];
        var (_, serveHelp, _) = await CliRunner.RunAsync(["serve", "--help"], cancellationToken: Ct);

        foreach (JsonProperty server in servers.Where(s => s.Value.TryGetProperty("command", out _)))
        {
            string[] arguments = [.. server.Value.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)];
            Assert.Equal("serve", arguments[^1]);
            Assert.Equal("/home/you/anki-cards", server.Value.GetProperty("env").GetProperty("ANKIMCP_COLLECTION").GetString());
        }
        JsonElement http = Assert.Single(servers, s => s.Value.TryGetProperty("url", out _)).Value;
        Uri url = new(http.GetProperty("url").GetString()!);
        Assert.Equal("/mcp", url.AbsolutePath);
        Assert.Contains($"default {url.Port}", serveHelp, StringComparison.Ordinal);
        Assert.Equal("Bearer ${ANKIMCP_HTTP_TOKEN}", http.GetProperty("headers").GetProperty("Authorization").GetString());
    }

    [Fact]
    public void McpServerPackageDescription_MatchesThePackage()
    {
        using JsonDocument serverJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_root, "src", "AnkiMcp", ".mcp", "server.json")));
        JsonElement package = Assert.Single(serverJson.RootElement.GetProperty("packages").EnumerateArray());
        Version assembly = typeof(AnkiMcp.Cli.AnkiMcpCommandLine).Assembly.GetName().Version!;
        string version = $"{assembly.Major}.{assembly.Minor}.{assembly.Build}";

        Assert.Equal(version, serverJson.RootElement.GetProperty("version").GetString());
        Assert.Equal(version, package.GetProperty("version").GetString());
        Assert.Equal("AnkiMcp", package.GetProperty("identifier").GetString());
        Assert.Equal(["serve"], package.GetProperty("packageArguments").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
        Assert.True(serverJson.RootElement.GetProperty("description").GetString()!.Length <= 100, "the MCP registry allows 100 characters");
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AnkiMcp.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No AnkiMcp.sln above {AppContext.BaseDirectory}; the documentation tests run from the repository's build output.");
    }

    // A tool or prompt name as the skill writes it: `propose_cards`.
    [GeneratedRegex("`([a-z]+(?:_[a-z]+)+)`")]
    private static partial Regex SnakeCaseName();

    // The first cell of a README table row: | `propose_cards` | …
    [GeneratedRegex(@"^\| `([a-z]+(?:_[a-z]+)*)` \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeTableName();
}
