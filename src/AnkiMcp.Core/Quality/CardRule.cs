using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>A rule of good cards the linter checks.</summary>
/// <param name="Id">A stable id, e.g. <c>cloze-gives-away</c>.</param>
/// <param name="Severity">How much breaking it matters.</param>
/// <param name="Reason">Why the rule exists, in one line.</param>
/// <param name="Suggestion">How to fix a card that breaks it.</param>
/// <param name="Kinds">The card kinds it applies to.</param>
public sealed record CardRule(string Id, LintSeverity Severity, string Reason, string Suggestion, IReadOnlyList<CardKind> Kinds)
{
    /// <summary>A flag of this rule with a message about one card.</summary>
    public CardFlag Flag(string message) => new(Id, Severity, message, Suggestion);
}
