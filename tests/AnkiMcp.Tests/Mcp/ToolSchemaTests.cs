using System.Text.Json;
using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// The tools as an assistant sees them in tools/list: one naming convention (snake_case), descriptions that name only
/// parameters the schema has, and arguments held to the schema — a name it does not have is refused, never ignored.
/// </summary>
public sealed partial class ToolSchemaTests : CollectionTest
{
    [Fact]
    public async Task EveryArgumentAndResultName_IsSnakeCase()
    {
        await using McpClient client = await StartServerAsync();

        List<string> offenders = [];
        IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: Ct);
        foreach (McpClientTool tool in tools)
        {
            offenders.AddRange(PropertyNames(tool.ProtocolTool.InputSchema).Where(name => !SnakeCase().IsMatch(name)).Select(name => $"{tool.Name} argument {name}"));
            if (tool.ProtocolTool.OutputSchema is { } output)
                offenders.AddRange(PropertyNames(output).Where(name => !SnakeCase().IsMatch(name)).Select(name => $"{tool.Name} result {name}"));
        }

        Assert.Empty(offenders);
        Assert.Subset(tools.SelectMany(tool => PropertyNames(tool.ProtocolTool.OutputSchema!.Value)).ToHashSet(),
            new HashSet<string> { "batch_id", "possible_duplicates", "rejection_reason", "all_in_anki", "not_created", "proposed_here", "dry_run" });
    }

    [Fact]
    public async Task EveryParameterADescriptionNames_IsInTheToolsSchema()
    {
        await using McpClient client = await StartServerAsync();
        IList<McpClientTool> tools = await client.ListToolsAsync(cancellationToken: Ct);
        HashSet<string> known = [.. tools.Select(tool => tool.Name), .. (await client.ListPromptsAsync(cancellationToken: Ct)).Select(prompt => prompt.Name)];

        List<string> offenders = [];
        foreach (McpClientTool tool in tools)
        {
            HashSet<string> parameters = [.. PropertyNames(tool.ProtocolTool.InputSchema)];
            string text = string.Join('\n', [tool.ProtocolTool.Description ?? "", .. Descriptions(tool.ProtocolTool.InputSchema)]);
            offenders.AddRange(SnakeCaseWord().Matches(text).Select(match => match.Value).Where(word => !known.Contains(word) && !parameters.Contains(word))
                .Select(word => $"{tool.Name} names '{word}', which is neither a tool nor one of its parameters"));
            offenders.AddRange(Assignment().Matches(text).Select(match => match.Groups[1].Value).Where(word => !parameters.Contains(word))
                .Select(word => $"{tool.Name} says '{word}=…', but has no parameter {word}"));
            offenders.AddRange(CamelCaseWord().Matches(text).Select(match => $"{tool.Name} names '{match.Value}', which is not snake_case"));
        }

        HashSet<string> anyParameter = [.. tools.SelectMany(tool => PropertyNames(tool.ProtocolTool.InputSchema))];
        offenders.AddRange(SnakeCaseWord().Matches(client.ServerInstructions ?? "").Select(match => match.Value)
            .Where(word => !known.Contains(word) && !anyParameter.Contains(word)).Select(word => $"the server instructions name '{word}'"));
        Assert.Empty(offenders);
        Assert.Contains("dry_run", tools.Single(tool => tool.Name == "sync").ProtocolTool.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArgumentTheSchemaDoesNotName_IsRefusedWithTheValidOnes_AndNothingIsDone()
    {
        await using Emulator anki = await Emulator.StartAsync();
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("all", true)), Ct);
        anki.ResetCounters();

        string dryRun = await client.CallFailingAsync("sync", Args(("dryRun", true)), Ct);
        string batch = await client.CallFailingAsync("create_approved_cards", Args(("batch", 1)), Ct);
        string front = await client.CallFailingAsync("propose_cards",
            Args(("lesson", "x"), ("cards", new object[] { new { kind = "basic", deck = "Rust", question = "q", answer = "a" }, new { kind = "basic", deck = "Rust", front = "q", answer = "a" } })), Ct);

        Assert.Equal("Unknown argument 'dryRun'; the arguments are direction, dry_run, prefer. Did you mean 'dry_run'? " +
            "Nothing was done; call sync again with the names its input schema gives.", dryRun);
        Assert.StartsWith("Unknown argument 'batch'; the arguments are batch_id. Did you mean 'batch_id'?", batch, StringComparison.Ordinal);
        Assert.StartsWith("'cards' item 2 has no field 'front'; its fields are kind, deck, question, answer, text, chain, broken, fix, why, extra, tags.", front, StringComparison.Ordinal);
        Assert.Equal(0, anki.HttpRequestCount);
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(0, 4, 0, 0), await store.CountsAsync(Ct));
    }

    // The property names of every object in a schema, nested ones included (dictionaries have none: their keys are data).
    private static IEnumerable<string> PropertyNames(JsonElement schema) => Walk(schema)
        .Where(node => node.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
        .SelectMany(node => node.GetProperty("properties").EnumerateObject().Select(property => property.Name));

    private static IEnumerable<string> Descriptions(JsonElement schema) => Walk(schema)
        .Where(node => node.TryGetProperty("description", out JsonElement description) && description.ValueKind == JsonValueKind.String)
        .Select(node => node.GetProperty("description").GetString()!);

    private static IEnumerable<JsonElement> Walk(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            yield return node;
            foreach (JsonProperty property in node.EnumerateObject())
            {
                foreach (JsonElement child in Walk(property.Value))
                    yield return child;
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement child in node.EnumerateArray().SelectMany(Walk))
                yield return child;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")]
    private static partial Regex SnakeCaseWord();

    [GeneratedRegex(@"\b([a-z][a-z0-9_]*)=(?:true|false|\[|\d)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCaseWord();
}
