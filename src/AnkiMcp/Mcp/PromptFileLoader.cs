using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AnkiMcp.Mcp;

/// <summary>
/// Turns <c>prompts/*.md</c> files (YAML front matter with name, title, description and arguments, then the body) into
/// MCP prompts; <c>{{argument}}</c> in the body is replaced by the argument's value, and nothing else is touched, so cloze
/// examples such as <c>{{c1::term}}</c> stay as written.
/// </summary>
internal static class PromptFileLoader
{
    private const string Fence = "---";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The prompts folder shipped next to the executable.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>Every prompt in the folder, by file name order; none when the folder does not exist.</summary>
    /// <exception cref="InvalidDataException">A prompt file is malformed; the message names it.</exception>
    public static IReadOnlyList<McpServerPrompt> LoadFromDirectory(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal).Select(Load)]
            : [];

    /// <summary>The prompt one file describes.</summary>
    public static McpServerPrompt Load(string path)
    {
        (PromptFrontMatter meta, string body) = Parse(path);
        string name = meta.Name!;
        McpServerPrompt prompt = McpServerPrompt.Create(
            (RequestContext<GetPromptRequestParams> context) => Render(meta, body, context.Params?.Arguments),
            new McpServerPromptCreateOptions { Name = name, Title = meta.Title, Description = meta.Description });
        prompt.ProtocolPrompt.Arguments =
            [.. meta.Arguments.Select(argument => new PromptArgument { Name = argument.Name!, Description = argument.Description, Required = argument.Required })];
        return prompt;
    }

    private static (PromptFrontMatter Meta, string Body) Parse(string path)
    {
        string text = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal))
            throw new InvalidDataException($"{path}:1: a prompt file starts with YAML front matter between '---' lines.");
        int end = text.IndexOf("\n" + Fence + "\n", Fence.Length, StringComparison.Ordinal);
        if (end < 0)
            throw new InvalidDataException($"{path}:1: the front matter has no closing '---' line.");

        PromptFrontMatter meta;
        try
        {
            meta = Yaml.Deserialize<PromptFrontMatter?>(text[(Fence.Length + 1)..(end + 1)]) ?? new PromptFrontMatter();
        }
        catch (YamlException error)
        {
            throw new InvalidDataException($"{path}:{error.Start.Line + 1}: {error.Message}", error);
        }

        if (string.IsNullOrWhiteSpace(meta.Name))
            throw new InvalidDataException($"{path}:1: the front matter needs a 'name'.");
        if (meta.Arguments.Any(argument => string.IsNullOrWhiteSpace(argument.Name)))
            throw new InvalidDataException($"{path}:1: every argument needs a 'name'.");
        return (meta, text[(end + Fence.Length + 2)..]);
    }

    private static GetPromptResult Render(PromptFrontMatter meta, string body, IDictionary<string, JsonElement>? arguments)
    {
        string text = body;
        foreach (PromptArgumentFrontMatter argument in meta.Arguments)
        {
            string value = arguments is not null && arguments.TryGetValue(argument.Name!, out JsonElement given)
                ? (given.ValueKind == JsonValueKind.String ? given.GetString() ?? "" : given.ToString())
                : "";
            if (argument.Required && string.IsNullOrWhiteSpace(value))
                throw new McpProtocolException($"Prompt '{meta.Name}' needs the argument '{argument.Name}': {argument.Description}", McpErrorCode.InvalidParams);
            text = text.Replace("{{" + argument.Name + "}}", value, StringComparison.Ordinal);
        }

        return new GetPromptResult
        {
            Description = meta.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
        };
    }
}
