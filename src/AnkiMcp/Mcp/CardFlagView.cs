using System.ComponentModel;
using AnkiMcp.Core.Quality;

namespace AnkiMcp.Mcp;

/// <summary>A card-quality flag as tools report it: advice, never a block.</summary>
internal sealed record CardFlagView(
    [property: Description("The rule, e.g. orphan-context, cloze-gives-away, several-facts, duplicate")] string Rule,
    [property: Description("warning: the card does not work as it stands; advice: it works but is harder to learn than it needs to be")] string Severity,
    [property: Description("What is wrong with this card")] string Message,
    [property: Description("How to fix it")] string Suggestion)
{
    public static CardFlagView From(CardFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new CardFlagView(flag.Rule, flag.Severity.ToString().ToLowerInvariant(), flag.Message, flag.Suggestion);
    }
}
