using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Draws one proposed card for the person reviewing it, with what the card-quality rules flag on it (advice).</summary>
internal static class ReviewCardRenderer
{
    public static void Render(IAnsiConsole console, ProposalBatch batch, Proposal card)
    {
        Grid fields = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach ((string name, string text) in card.Draft.Fields)
            fields.AddRow(new Markup($"[bold]{Markup.Escape(name)}[/]"), new Text(text));
        if (card.Draft.Tags.Count > 0)
            fields.AddRow(new Markup("[dim]Tags[/]"), new Text(string.Join(' ', card.Draft.Tags)));
        console.Write(new Panel(fields)
        {
            Header = new PanelHeader(Markup.Escape(
                $" {card.Number}. [{CardDraftValidator.Describe(card.Draft.Kind)}] {card.Draft.Deck} — batch {batch.Id}: {batch.Label} (revision {card.Revision}) ")),
            Border = BoxBorder.Rounded,
            Expand = true,
        });
        foreach (CardFlag flag in CardLinter.Lint(card.Draft))
        {
            string color = flag.Severity == LintSeverity.Warning ? "yellow" : "blue";
            console.MarkupLine($"  [{color}]{flag.Severity.ToString().ToLowerInvariant()}[/] {Markup.Escape(flag.Rule)}: {Markup.Escape(flag.Message)} " +
                $"[dim]{Markup.Escape(flag.Suggestion)}[/]");
        }
    }
}
