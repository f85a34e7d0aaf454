using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary><c>yes-no-question</c>: the question opens with "Is", "Does", "Can"… and offers no alternatives, or the answer is a bare yes or no.</summary>
internal static partial class YesNoQuestionCheck
{
    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        string question = CardText.Of(draft.Field("Question")).Prose.Trim();
        Match opening = YesNoOpening().Match(question);
        if (opening.Success && !question.Contains(" or ", StringComparison.OrdinalIgnoreCase))
        {
            flags.Add(CardRules.YesNoQuestion.Flag($"\"{opening.Groups[1].Value} …?\" is answered by yes or no."));
            return;
        }

        if (draft.Kind == CardKind.Basic && YesNoAnswer().IsMatch(CardText.Of(draft.Field("Answer")).Prose))
            flags.Add(CardRules.YesNoQuestion.Flag("The answer is a yes or a no."));
    }

    // An auxiliary verb first, after an optional "In Rust, " that names the domain.
    [GeneratedRegex(@"^(?:In\s+[^,?\n]{1,40},\s*)?(is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|must)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesNoOpening();

    [GeneratedRegex(@"^\s*(?:yes|no)\s*(?:$|[.,;:!—–-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesNoAnswer();
}
