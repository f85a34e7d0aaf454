using System.ComponentModel;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
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
    [Description("Lists the deck names: Anki's decks (when Anki is running), the decks of the Markdown collection, and its collab decks " +
        "(another repository's shared decks under collab/owner/repo/, which cards cannot be proposed to). Prefer an existing deck of the collection's own when proposing cards.")]
    public async Task<DeckListResult> ListDecks(CancellationToken cancellationToken)
    {
        IReadOnlyList<CollectionDeck> inFiles = CollectionDecks.In(settings.CollectionDirectory);
        string[] markdownDecks = [.. inFiles.Where(deck => deck.CollabSource is null).Select(deck => deck.Name)];
        Dictionary<string, string> collabDecks = inFiles.Where(deck => deck.CollabSource is not null).DistinctBy(deck => deck.Name)
            .ToDictionary(deck => deck.Name, deck => deck.CollabSource!);
        IEnumerable<string> all = inFiles.Select(deck => deck.Name);
        try
        {
            IReadOnlyDictionary<string, long> ankiDecks = await anki.DeckNamesAndIdsAsync(cancellationToken);
            return new DeckListResult(true, [.. ankiDecks.Keys.Union(all, StringComparer.Ordinal).Order(StringComparer.Ordinal)], markdownDecks, collabDecks, null);
        }
        catch (AnkiUnavailableException error)
        {
            return new DeckListResult(false, [.. all.Distinct().Order(StringComparer.Ordinal)], markdownDecks, collabDecks,
                error.Message + " Only the Markdown collection's decks are listed.");
        }
    }

    [McpServerTool(Name = "list_note_types", Title = "List note types", ReadOnly = true, Idempotent = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Lists the note types of the Markdown collection with their fields and Markdown labels, which card kind each one serves " +
        "(basic → AnkiMcpQA, cloze → AnkiMcpCloze, why → AnkiMcpWhy, error → AnkiMcpError; in an AnkiOps folder basic → AnkiOpsQA and cloze → AnkiOpsCloze), " +
        "and whether Anki has it yet.")]
    public async Task<NoteTypeListResult> ListNoteTypes(CancellationToken cancellationToken)
    {
        NoteTypeRegistry registry;
        try
        {
            registry = NoteTypeRegistry.Load(settings.CollectionDirectory);
        }
        catch (CollectionFormatException error)
        {
            throw new McpException($"The collection's note types cannot be read: {error.Message}", error);
        }

        IReadOnlyList<string>? ankiModels = null;
        try
        {
            ankiModels = await anki.ModelNamesAsync(cancellationToken);
        }
        catch (AnkiUnavailableException)
        {
            // Reported as ankiReachable = false.
        }

        return new NoteTypeListResult(ankiModels is not null, [.. registry.Types.Select(type => new NoteTypeView(
            type.Name,
            Enum.GetValues<CardKind>().Where(kind => CardKindSchema.For(kind).NoteTypeIn(registry) == type).Select(CardDraftValidator.Describe).FirstOrDefault(),
            [.. type.LabelledFields.Select(field => $"{field.Label} {field.Name}{(field.Identifying ? " (required)" : "")}")],
            ankiModels?.Contains(type.Name)))]);
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
            await anki.DeckNamesAndIdsAsync(cancellationToken); // fails at Anki's profile chooser, where the two above answer
            return new StatusResult(settings.CollectionDirectory, policy, true, anki.Options.Url.ToString(), profile, version, counts, null);
        }
        catch (AnkiUnavailableException error)
        {
            return new StatusResult(settings.CollectionDirectory, policy, false, anki.Options.Url.ToString(), null, null, counts,
                error.Message + " Cards can still be proposed and created; they reach Anki at the next sync.");
        }
    }
}
