using System.ComponentModel;
using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>The Markdown deck files as resources: an index and each file's text.</summary>
[McpServerResourceType]
internal sealed class DeckResources(AnkiMcpServerSettings settings)
{
    [McpServerResource(UriTemplate = "ankimcp://decks", Name = "decks", Title = "Deck files", MimeType = "application/json")]
    [Description("The Markdown collection's decks and their file names, as JSON; read one with ankimcp://decks/{name}.")]
    public string Index() => JsonSerializer.Serialize(
        MarkdownCollection.DeckFilePaths(settings.CollectionDirectory)
            .Select(path => new { deck = DeckFileNames.ToDeckName(Path.GetFileName(path)), file = Path.GetFileName(path) }), ToolJson.Options);

    [McpServerResource(UriTemplate = "ankimcp://decks/{name}", Name = "deck", Title = "Deck file", MimeType = "text/markdown")]
    [Description("One deck's Markdown file, by Anki deck name (e.g. ankimcp://decks/Programming::Rust).")]
    public TextResourceContents Deck(string name)
    {
        string deck = Uri.UnescapeDataString(name);
        string fileName;
        try
        {
            fileName = DeckFileNames.ToFileName(deck);
        }
        catch (ArgumentException error)
        {
            throw new McpException(error.Message, error);
        }

        string path = Path.Combine(settings.CollectionDirectory, fileName);
        if (!File.Exists(path))
            throw new McpException($"The collection has no deck '{deck}' ({fileName}); read ankimcp://decks for the list.");
        return new TextResourceContents { Uri = $"ankimcp://decks/{Uri.EscapeDataString(deck)}", MimeType = "text/markdown", Text = File.ReadAllText(path) };
    }
}
