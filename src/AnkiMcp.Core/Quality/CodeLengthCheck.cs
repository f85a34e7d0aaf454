using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary><c>code-too-long</c>: a fenced code block with more than about 8 lines, in any field.</summary>
internal static class CodeLengthCheck
{
    public const int MaxLines = 8;

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        foreach ((string field, string value) in draft.Fields)
        {
            int longest = CardText.Of(value).CodeBlocks.Select(block => block.Count).DefaultIfEmpty().Max();
            if (longest > MaxLines)
            {
                flags.Add(CardRules.CodeTooLong.Flag($"{field} has {longest} lines of code; a card should show at most about {MaxLines}."));
                return;
            }
        }
    }
}
