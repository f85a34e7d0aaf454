using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Quality;

/// <summary>The linter's findings over the notes of a Markdown collection.</summary>
/// <param name="Checked">How many notes were checked.</param>
/// <param name="Flagged">The notes with at least one flag, in file order.</param>
/// <param name="NotChecked">Notes of note types the rules do not fit (multiple choice, custom fields), by note type.</param>
/// <param name="Errors">Problems in the deck files: the notes they concern could not be read, so were not checked.</param>
public sealed record CollectionLintReport(int Checked, IReadOnlyList<NoteLint> Flagged, IReadOnlyDictionary<string, int> NotChecked, IReadOnlyList<CollectionError> Errors);
