using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Quality;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Prints what <c>ankimcp lint</c> found: each flagged note with its flags and what to do, coloured on a terminal,
/// plain lines when redirected, JSON with <c>--json</c>. Deck-file errors go to stderr.</summary>
internal static class LintReportPrinter
{
    public static void Print(CliConsole console, CollectionLintReport report, bool json)
    {
        if (json)
        {
            console.PlainOutput.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
        }
        else
        {
            foreach (NoteLint note in report.Flagged)
            {
                Line(console, $"[bold]{Markup.Escape(Where(note))}[/]", Where(note));
                foreach (CardFlag flag in note.Flags)
                {
                    string severity = flag.Severity.ToString().ToLowerInvariant();
                    string color = flag.Severity == LintSeverity.Warning ? "yellow" : "blue";
                    Line(console, $"  [{color}]{severity,-7}[/] {Markup.Escape(flag.Rule)}: {Markup.Escape(flag.Message)}", $"  {severity,-7} {flag.Rule}: {flag.Message}");
                    Line(console, $"          [dim]→ {Markup.Escape(flag.Suggestion)}[/]", $"          → {flag.Suggestion}");
                }
            }

            string summary = Summary(report);
            Line(console, Markup.Escape(summary), summary);
        }

        foreach (CollectionError error in report.Errors)
            console.PlainError.WriteLine($"not checked: {error}");
    }

    private static void Line(CliConsole console, string markup, string plain)
    {
        if (console.IsOutputRedirected)
            console.PlainOutput.WriteLine(plain);
        else
            console.Output.MarkupLine(markup);
    }

    private static string Where(NoteLint note) => $"{note.File}:{note.Line} ({note.Deck}{(note.NoteKey is null ? "" : $", note {note.NoteKey}")})";

    private static string Summary(CollectionLintReport report)
    {
        int warnings = report.Flagged.Sum(note => note.Flags.Count(flag => flag.Severity == LintSeverity.Warning));
        int advice = report.Flagged.Sum(note => note.Flags.Count(flag => flag.Severity == LintSeverity.Advice));
        string flagged = report.Flagged.Count == 0
            ? "nothing flagged"
            : $"{report.Flagged.Count} flagged ({warnings} {(warnings == 1 ? "warning" : "warnings")}, {advice} advice)";
        string notChecked = report.NotChecked.Count == 0
            ? ""
            : $" Not checked, the rules do not fit their note type: {string.Join(", ", report.NotChecked.Select(type => $"{type.Value} {type.Key}"))}.";
        string errors = report.Errors.Count == 0 ? "" : $" {report.Errors.Count} problems in deck files kept some notes from being checked (on stderr).";
        return $"Checked {report.Checked} {(report.Checked == 1 ? "note" : "notes")}: {flagged}.{notChecked}{errors}";
    }
}
