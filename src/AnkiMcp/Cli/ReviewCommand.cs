using System.CommandLine;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Cli;

/// <summary>
/// <c>ankimcp review</c>: the person approves, edits or rejects pending proposals in a terminal. Under the 'reviewer'
/// policy this is the only way cards get approved. Works line by line when input is redirected.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        Option<long?> batch = new("--batch") { Description = "Review only this batch (default: every batch with pending cards)." };
        Command command = new("review", "Approve, edit or reject the cards your assistant proposed, one by one.") { batch };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult, parseResult.GetValue(batch), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parseResult, long? batchId, CancellationToken cancellationToken)
    {
        string collection = GlobalOptions.ResolveCollection(parseResult);
        if (!Directory.Exists(collection))
        {
            await console.PlainError.WriteLineAsync($"ankimcp review: the collection folder {collection} does not exist; pass --collection or set ANKIMCP_COLLECTION.");
            return 1;
        }

        IReviewPrompter prompter = console.IsInputRedirected ? new LineReviewPrompter(console.Output, console.Input) : new InteractiveReviewPrompter(console.Output);
        ProposalStore store = await ProposalStore.OpenAsync(collection, ApprovalPolicy.Reviewer, cancellationToken: cancellationToken);
        IReadOnlyList<ProposalBatch> batches = [.. (await store.BatchesWithAsync(ProposalState.Pending, cancellationToken)).Where(b => batchId is null || b.Id == batchId)];
        if (batches.Count == 0)
        {
            prompter.Say("No proposed cards are waiting for review.");
            return 0;
        }

        ReviewTally tally = new();
        foreach (ProposalBatch batch in batches)
        {
            foreach (Proposal pending in batch.Cards.Where(card => card.State == ProposalState.Pending))
            {
                if (!await ReviewCardAsync(collection, store, prompter, batch, pending, tally, cancellationToken))
                {
                    prompter.Say(tally.Summary());
                    return 0;
                }
            }
        }

        prompter.Say(tally.Summary());
        return 0;
    }

    // False when the person quits.
    private static async Task<bool> ReviewCardAsync(string collection, ProposalStore store, IReviewPrompter prompter, ProposalBatch batch, Proposal card, ReviewTally tally,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            prompter.Show(batch, card);
            try
            {
                switch (prompter.AskDecision())
                {
                    case ReviewDecision.Quit:
                        return false;
                    case ReviewDecision.Skip:
                        tally.Skipped++;
                        return true;
                    case ReviewDecision.Approve:
                        await store.ApproveAsync(batch.Id, [card.Number], ProposalActor.TerminalReview,
                            new Dictionary<int, int> { [card.Number] = card.Revision }, cancellationToken);
                        tally.Approved++;
                        prompter.Say($"Approved card {card.Number}.");
                        return true;
                    case ReviewDecision.Reject:
                        await store.RejectAsync(batch.Id, [card.Number], prompter.AskReason(), ProposalActor.TerminalReview, cancellationToken);
                        tally.Rejected++;
                        prompter.Say($"Rejected card {card.Number}.");
                        return true;
                    case ReviewDecision.Edit:
                        card = await EditAsync(collection, store, prompter, batch, card, cancellationToken);
                        tally.Edited++;
                        break;
                }
            }
            catch (ProposalRefusedException refused)
            {
                prompter.Say(TerminalRefusals.Word(refused.Refusal));
                card = (await store.ListAsync(batch.Id, cancellationToken: cancellationToken)).Single(c => c.Number == card.Number);
                if (card.State != ProposalState.Pending)
                    return true;
            }
        }
    }

    // Checked as a revision by the assistant is: what the person writes here must be creatable too.
    private static async Task<Proposal> EditAsync(string collection, ProposalStore store, IReviewPrompter prompter, ProposalBatch batch, Proposal card,
        CancellationToken cancellationToken)
    {
        CardKindSchema schema = CardKindSchema.For(card.Draft.Kind);
        Dictionary<string, string> fields = [];
        foreach (string name in schema.FieldNames)
        {
            string value = prompter.AskField(name, card.Draft.Fields.GetValueOrDefault(name) ?? string.Empty);
            if (!string.IsNullOrWhiteSpace(value))
                fields[name] = value;
        }

        CardDraft revised = card.Draft with { Fields = fields };
        ProposalWorkflow.CheckRevision(card, revised);
        new CreationCheck(collection, new CachedNoteTypes(collection)).EnsureCreatable([(card.Number, revised)]);
        return await store.ReviseAsync(batch.Id, card.Number, revised, ProposalActor.TerminalReview, cancellationToken);
    }
}
