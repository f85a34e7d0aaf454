using System.ComponentModel;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
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
    [Description("The Markdown collection's decks, its collab decks included (with their source owner/repo), and their files, as JSON; " +
        "read one with ankimcp://decks/{name}.")]
    public string Index() => JsonSerializer.Serialize(
        CollectionDecks.In(settings.CollectionDirectory).Select(deck => new { deck = deck.Name, file = deck.File, collab_source = deck.CollabSource }), ToolJson.Options);

    [McpServerResource(UriTemplate = "ankimcp://decks/{name}", Name = "deck", Title = "Deck file", MimeType = "text/markdown")]
    [Description("One deck's Markdown file, by Anki deck name (e.g. ankimcp://decks/Programming::Rust).")]
    public TextResourceContents Deck(string name)
    {
        string deck = Uri.UnescapeDataString(name);
        if (DeckFileNames.Problem(deck) is { } problem)
            throw new McpException(problem);
        CollectionDeck found = CollectionDecks.In(settings.CollectionDirectory).FirstOrDefault(known => known.Name == deck)
            ?? throw new McpException($"The collection has no deck '{deck}' ({DeckFileNames.ToFileName(deck)}); read ankimcp://decks for the list.");
        return new TextResourceContents
        {
            Uri = $"ankimcp://decks/{Uri.EscapeDataString(deck)}",
            MimeType = "text/markdown",
            Text = File.ReadAllText(Path.Combine(settings.CollectionDirectory, found.File)),
        };
    }
}
