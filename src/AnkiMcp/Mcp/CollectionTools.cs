using System.ComponentModel;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>Read-only views of the collection and of Anki: decks, notes, status.</summary>
[McpServerToolType]
internal sealed class CollectionTools(AnkiConnectClient anki, ProposalStore store, AnkiMcpServerSettings settings)
{
    private const int MaxFieldLength = 500;
    private const int MaxLimit = 100;

    [McpServerTool(Name = "list_decks", Title = "List decks", ReadOnly = true, Idempotent = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Lists Anki's deck names, so cards go to a deck the person already has. Needs Anki running.")]
    public async Task<DeckListResult> ListDecks(CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyDictionary<string, long> ankiDecks = await anki.DeckNamesAndIdsAsync(cancellationToken);
            return new DeckListResult(true, [.. ankiDecks.Keys.Order(StringComparer.Ordinal)], null);
        }
        catch (AnkiUnavailableException error)
        {
            return new DeckListResult(false, [], error.Message);
        }
    }

    [McpServerTool(Name = "find_notes", Title = "Find notes in Anki", ReadOnly = true, Idempotent = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Searches Anki's notes with Anki's search syntax (e.g. 'deck:Programming::Rust ownership', 'tag:rust', '\"note:AnkiMcpCloze\"'), " +
        "to check what the person already has before proposing cards. Needs Anki running.")]
    public async Task<FindNotesResult> FindNotes(
        [Description("An Anki search, as typed in Anki's browser")] string query,
        [Description($"How many notes to return (1-100, default 20)")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw new McpException("Give a search, e.g. 'deck:Programming::Rust' or 'tag:rust borrow'.");
        if (limit is < 1 or > MaxLimit)
            throw new McpException($"limit must be between 1 and {MaxLimit} (was {limit}).");

        IReadOnlyList<long> ids = await AnkiErrors.RunAsync(() => anki.FindNotesAsync(query, cancellationToken));
        IReadOnlyList<AnkiNoteInfo> notes = ids.Count == 0 ? [] : await AnkiErrors.RunAsync(() => anki.NotesInfoAsync([.. ids.Take(limit)], cancellationToken));
        return new FindNotesResult(ids.Count, [.. notes.Select(note => new FoundNote(
            note.NoteId,
            note.ModelName,
            note.Fields.ToDictionary(field => field.Name, field => field.Value.Length > MaxFieldLength ? field.Value[..MaxFieldLength] + "…" : field.Value),
            note.Tags))]);
    }

    [McpServerTool(Name = "status", Title = "AnkiMcp status", ReadOnly = true, Idempotent = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Shows whether Anki is reachable and which profile is open, the collection folder, the approval policy and how many " +
        "proposed cards are pending, approved, created or rejected. Use it when something does not work, or to see what is waiting.")]
    public async Task<StatusResult> Status(CancellationToken cancellationToken)
    {
        ProposalCounts counts = await store.CountsAsync(cancellationToken);
        string policy = settings.Policy.ToString().ToLowerInvariant();
        try
        {
            int version = await anki.VersionAsync(cancellationToken);
            string profile = await anki.GetActiveProfileAsync(cancellationToken);
            return new StatusResult(settings.CollectionDirectory, policy, true, anki.Options.Url.ToString(), profile, version, counts, null);
        }
        catch (AnkiUnavailableException error)
        {
            return new StatusResult(settings.CollectionDirectory, policy, false, anki.Options.Url.ToString(), null, null, counts,
                error.Message + " Cards can still be proposed and created; they reach Anki at the next sync.");
        }
    }
}
