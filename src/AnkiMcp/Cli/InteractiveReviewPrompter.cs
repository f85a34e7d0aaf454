using AnkiMcp.Core.Proposals;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Review in a real terminal: arrow-key choices and editable prompts.</summary>
internal sealed class InteractiveReviewPrompter(IAnsiConsole console) : IReviewPrompter
{
    public void Show(ProposalBatch batch, Proposal card) => ReviewCardRenderer.Render(console, batch, card);

    public ReviewDecision AskDecision() => console.Prompt(new SelectionPrompt<ReviewDecision>()
        .Title("What do you want to do with this card?")
        .AddChoices(ReviewDecision.Approve, ReviewDecision.Edit, ReviewDecision.Reject, ReviewDecision.Skip, ReviewDecision.Quit));

    public string AskField(string field, string current) =>
        console.Prompt(new TextPrompt<string>($"[bold]{Markup.Escape(field)}[/]:").DefaultValue(current).AllowEmpty());

    public string? AskReason() =>
        console.Prompt(new TextPrompt<string>("Why (optional, helps the assistant propose better cards)?").AllowEmpty());

    public void Say(string message) => console.MarkupLine(Markup.Escape(message));
}
