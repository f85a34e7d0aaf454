namespace AnkiMcp.Mcp;

/// <summary>The YAML front matter of a <c>prompts/*.md</c> file.</summary>
internal sealed class PromptFrontMatter
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<PromptArgumentFrontMatter> Arguments { get; set; } = [];
}
