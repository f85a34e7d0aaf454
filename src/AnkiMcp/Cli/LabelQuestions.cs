using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Asks the person, field by field, for the label of a note type being copied from Anki and whether it identifies
/// the type. On a terminal with prompts; when input is redirected (scripts, tests) one answer per line.</summary>
internal sealed class LabelQuestions(IAnsiConsole console, TextReader? redirectedInput)
{
    /// <summary>The label for <paramref name="field"/> (colon added), or null for a field that stays in Anki only.</summary>
    public string? AskLabel(string field)
    {
        string question = $"Label for field [bold]{Markup.Escape(field)}[/] (e.g. Q:, empty: Anki only)";
        string answer = redirectedInput is null
            ? console.Prompt(new TextPrompt<string>(question + ":").AllowEmpty())
            : AskLine(question + ": ") ?? "";
        answer = answer.Trim();
        return answer.Length == 0 ? null : LabelSpecification.WithColon(answer);
    }

    /// <summary>Whether the label identifies the type; <paramref name="proposed"/> is the answer on Enter.</summary>
    public bool AskIdentifying(string label, bool proposed)
    {
        string question = $"Does [bold]{Markup.Escape(label)}[/] identify this note type (every note of it has this label)?";
        if (redirectedInput is null)
            return console.Prompt(new ConfirmationPrompt(question) { DefaultValue = proposed });
        string? answer = AskLine($"{question} [[{(proposed ? "Y/n" : "y/N")}]] ")?.Trim().ToLowerInvariant();
        return answer switch
        {
            "y" or "yes" => true,
            "n" or "no" => false,
            _ => proposed,
        };
    }

    private string? AskLine(string markup)
    {
        console.Markup(markup);
        string? line = redirectedInput!.ReadLine();
        console.WriteLine();
        return line;
    }
}
