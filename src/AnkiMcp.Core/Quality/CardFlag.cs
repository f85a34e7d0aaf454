namespace AnkiMcp.Core.Quality;

/// <summary>One thing the linter noticed about a card.</summary>
/// <param name="Rule">The rule's id, e.g. <c>orphan-context</c> (see <see cref="CardRules"/>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">What is wrong with this card, in one line.</param>
/// <param name="Suggestion">How to fix it.</param>
public sealed record CardFlag(string Rule, LintSeverity Severity, string Message, string Suggestion);
