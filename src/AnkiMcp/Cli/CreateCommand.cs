using System.CommandLine;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary>
/// <c>ankimcp create</c>: the person creates the cards they approved (in <c>ankimcp review</c> or in a conversation),
/// without the assistant: appended to their deck files, then pushed to Anki, exactly as create_approved_cards does.
/// </summary>
internal static class CreateCommand
{
    /// <summary>Exit code when some approved cards could not be created (they stay approved; the others were).</summary>
    public const int SomeNotCreatedExitCode = 2;

    public static Command Create(CliConsole console)
    {
        Option<long?> batch = new("--batch") { Description = "Create only this batch's approved cards (default: every approved card)." };
        Command command = new("create", "Create the cards you approved: write them to their deck files and push them to Anki.") { batch };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult, parseResult.GetValue(batch), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parseResult, long? batchId, CancellationToken cancellationToken)
    {
        string collection = GlobalOptions.ResolveCollection(parseResult);
        if (!Directory.Exists(Path.Combine(collection, ".ankimcp")))
        {
            await console.PlainError.WriteLineAsync($"ankimcp create: {collection} has no proposed cards (no .ankimcp/ folder); pass --collection or set ANKIMCP_COLLECTION to your collection.");
            return 1;
        }

        ProposalStore store = await ProposalStore.OpenAsync(collection, ApprovalPolicy.Reviewer, cancellationToken: cancellationToken);
        using AnkiConnectClient anki = new(AnkiConnectOptions.Resolve(parseResult.GetValue(GlobalOptions.AnkiUrl)));
        ApprovedCardCreator creator = new(store, collection, new CachedNoteTypes(collection), new DeckFileCache(), new SyncEngine(collection, anki));
        CardCreationResult result;
        try
        {
            result = await creator.CreateAsync(batchId is { } id ? CreationScope.Batch(id) : CreationScope.All, ProposalActor.TerminalReview, cancellationToken);
        }
        catch (ProposalRefusedException refused)
        {
            await console.PlainError.WriteLineAsync(TerminalRefusals.Word(refused.Refusal));
            return 1;
        }

        if (parseResult.GetValue(GlobalOptions.Json))
        {
            await console.PlainOutput.WriteLineAsync(JsonSerializer.Serialize(new
            {
                created = result.Created.Select(card => new { batchId = card.BatchId, card.Number, card.Draft.Deck, card.NoteKey, card.ReachedAnki }),
                notCreated = result.Failed.Select(failure => new { batchId = failure.Card.BatchId, failure.Card.Number, failure.Card.Draft.Deck, failure.Reason }),
                deckFiles = result.DeckFiles,
                result.Message,
            }, CliJson.Options));
        }
        else
        {
            await console.PlainOutput.WriteLineAsync(result.Message);
        }

        return result.Created.Count == 0 ? 1 : result.Failed.Count > 0 ? SomeNotCreatedExitCode : 0;
    }
}
