using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>
/// A why card's chain: <c>why-chain-too-short</c> (fewer than 2 steps), <c>why-no-causal-link</c> (a list of terms
/// rather than causes) and <c>answer-too-long</c> (more than 4 steps or about 50 words).
/// </summary>
internal static partial class WhyChainCheck
{
    public const int MaxSteps = 4;
    public const int MaxWords = 48;

    // Items this short with nothing linking them are terms, not steps of a mechanism.
    private const int TermWords = 4;

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        CardText chain = CardText.Of(draft.Field("Chain"));
        if (chain.Words == 0)
            return;

        string[] linked = Arrow().Split(chain.Prose).Where(HasWords).ToArray();
        string[] lines = [.. chain.ProseLines.Select(line => ListMarker().Replace(line, "")).Where(HasWords)];
        int steps;
        if (linked.Length >= 2)
        {
            steps = linked.Length;
        }
        else if (lines.Length >= 2)
        {
            if (lines.All(IsTerm))
            {
                flags.Add(CardRules.WhyNoCausalLink.Flag($"The chain lists {lines.Length} terms, one per line, with nothing saying how one leads to the next."));
                return;
            }

            steps = lines.Length;
        }
        else
        {
            string[] caused = CausalWord().Split(chain.Prose).Where(HasWords).ToArray();
            string[] items = [.. chain.Prose.Split(',', '…').Where(HasWords)];
            if (caused.Length < 2 && items.Length >= 3 && items.All(IsTerm))
            {
                flags.Add(CardRules.WhyNoCausalLink.Flag($"The chain is a list of {items.Length} terms, not causes leading to an effect."));
                return;
            }

            steps = caused.Length;
            if (steps < 2)
            {
                flags.Add(CardRules.WhyChainTooShort.Flag("The chain is a single step; a mechanism needs at least a cause and what follows from it."));
                return;
            }
        }

        if (steps > MaxSteps)
            flags.Add(CardRules.AnswerTooLong.Flag($"The chain has {steps} steps; 2–{MaxSteps} short steps are easier to recall."));
        else if (chain.Words > MaxWords)
            flags.Add(CardRules.AnswerTooLong.Flag($"The chain has {chain.Words} words; keep it to about {MaxWords} in 2–{MaxSteps} short steps."));
    }

    private static bool HasWords(string text) => CardText.CountWords(text) > 0;

    private static bool IsTerm(string item) => CardText.CountWords(item) <= TermWords && !CausalWord().IsMatch(item);

    [GeneratedRegex(@"→|->|=>|⇒|⟶|⟹", RegexOptions.CultureInvariant)]
    private static partial Regex Arrow();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\b(?:because|so that|so|therefore|thus|hence|which means|which|leading to|leads to|causing|causes|results in|then)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CausalWord();
}
