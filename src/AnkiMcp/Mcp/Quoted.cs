namespace AnkiMcp.Mcp;

/// <summary>Text from the assistant, quoted back in a message: short enough that a huge argument is never echoed whole.</summary>
internal static class Quoted
{
    private const int MaxLength = 60;

    public static string Of(string? text) => text is null ? "" : text.Length <= MaxLength ? text : $"{text[..MaxLength]}…";
}
