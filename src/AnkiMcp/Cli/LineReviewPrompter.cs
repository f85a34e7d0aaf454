using AnkiMcp.Core.Proposals;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Review when input is redirected (scripts, tests): one answer per line — a/e/r/s/q, field text, reason.</summary>
internal sealed class LineReviewPrompter(IAnsiConsole console, TextReader input) : IReviewPrompter
{
    public void Show(ProposalBatch batch, Proposal card) => ReviewCardRenderer.Render(console, batch, card);

    public ReviewDecision AskDecision()
    {
        while (true)
        {
            console.Write("[a]pprove, [e]dit, [r]eject, [s]kip, [q]uit? ");
            string? answer = input.ReadLine()?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case null or "q" or "quit":
                    return ReviewDecision.Quit;
                case "a" or "approve":
                    return ReviewDecision.Approve;
                case "e" or "edit":
                    return ReviewDecision.Edit;
                case "r" or "reject":
                    return ReviewDecision.Reject;
                case "s" or "skip" or "":
                    return ReviewDecision.Skip;
                default:
                    console.WriteLine($"'{answer}' is not one of a, e, r, s, q.");
                    break;
            }
        }
    }

    public string AskField(string field, string current)
    {
        console.Write($"{field} (empty keeps it, \\n for a new line): ");
        string? line = input.ReadLine();
        return string.IsNullOrEmpty(line) ? current : line.Replace("\\n", "\n", StringComparison.Ordinal);
    }

    public string? AskReason()
    {
        console.Write("Why (optional)? ");
        return input.ReadLine();
    }

    public void Say(string message) => console.WriteLine(message);
}
