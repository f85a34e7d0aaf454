using System.Text;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>An error card: <c>error-fix-same</c> (the fix reads like the broken version) and <c>answer-too-long</c>
/// (a WHY of more than two sentences, or a FIX in many words).</summary>
internal static class ErrorCardCheck
{
    public const int MaxWhySentences = 2;
    public const int MaxWhyWords = 40;
    public const int MaxFixWords = 25;

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        string broken = draft.Field("Broken");
        string fix = draft.Field("Fix");
        string bareBroken = Bare(broken);
        if (bareBroken.Length > 0 && bareBroken == Bare(fix))
            flags.Add(CardRules.ErrorFixSame.Flag("FIX is the same as BROKEN once spacing and fences are set aside."));

        CardText why = CardText.Of(draft.Field("Why"));
        int sentences = why.Sentences(minimumWords: 2).Count;
        CardText fixText = CardText.Of(fix);
        if (sentences > MaxWhySentences)
            flags.Add(CardRules.AnswerTooLong.Flag($"WHY has {sentences} sentences; one or two say the cause."));
        else if (why.Words > MaxWhyWords)
            flags.Add(CardRules.AnswerTooLong.Flag($"WHY has {why.Words} words; the cause fits in about {MaxWhyWords}."));
        else if (fixText.Words > MaxFixWords)
            flags.Add(CardRules.AnswerTooLong.Flag($"FIX has {fixText.Words} words; show the corrected line(s) or say the fix in one short sentence."));
    }

    // The code or text without fences, backticks, whitespace and trailing semicolons: what a reader compares.
    private static string Bare(string text)
    {
        StringBuilder bare = new(text.Length);
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.Trim();
            if (CardText.IsFence(trimmed))
                continue;
            foreach (char c in trimmed.TrimEnd(';'))
            {
                if (!char.IsWhiteSpace(c) && c != '`')
                    bare.Append(c);
            }
        }

        return bare.ToString().TrimEnd(';');
    }
}
