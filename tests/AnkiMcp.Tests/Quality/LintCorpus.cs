using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Quality;

/// <summary>
/// Good and bad cards of every kind, each bad card labelled with the rules it breaks, written from the skill's and the
/// prompts' rules (skills/anki-lesson-cards, prompts/write_*_cards.md). Every card is linted on its own against
/// <see cref="Existing"/>, the notes and proposals the collection already has.
/// </summary>
internal static partial class LintCorpus
{
    public static IReadOnlyList<ExistingCard> Existing { get; } =
    [
        new("AnkiMcpQA", "What does `git stash` do?", "Programming__Git.md line 4"),
        new("AnkiMcpQA", "In PostgreSQL, what does `VACUUM` reclaim?", "Programming__SQL.md line 12"),
        new("AnkiMcpQA", "What is the capital of Australia?", "pending card 2 of batch 4"),
        new("AnkiMcpQA", "In HTTP, what does status code 404 mean?", "Programming__Web.md line 30"),
        new("AnkiMcpCloze", "In Python, `{{c1::enumerate}}(items)` yields (index, item) pairs.", "Programming__Python.md line 8"),
        new("AnkiMcpCloze", "In Spanish, *{{c1::la mariposa}}* means the butterfly.", "Languages__Spanish.md line 3"),
        new("AnkiMcpWhy", "Why does a Python default argument like `def f(x=[])` keep items between calls?", "Programming__Python.md line 20"),
        new("AnkiMcpWhy", "Why does ice float on liquid water?", "approved card 3 of batch 5"),
        new("AnkiMcpError", "```python\nfor item in items:\n    if item.expired:\n        items.remove(item)\n```", "Programming__Python.md line 40"),
    ];

    public static IReadOnlyList<LintCorpusCard> Cards { get; } = [.. BasicCards, .. ClozeCards, .. WhyCards, .. ErrorCards, .. LaterCards, .. BlindCards];
}
