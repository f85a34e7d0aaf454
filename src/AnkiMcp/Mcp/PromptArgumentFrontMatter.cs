namespace AnkiMcp.Mcp;

/// <summary>One argument declared in a prompt file's front matter.</summary>
internal sealed class PromptArgumentFrontMatter
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool Required { get; set; }
}
