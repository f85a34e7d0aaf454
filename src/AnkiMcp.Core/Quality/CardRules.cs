using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>The rules of good cards the linter checks: those the skill teaches (skills/anki-lesson-cards/SKILL.md).</summary>
public static class CardRules
{
    private static readonly CardKind[] s_allKinds = [CardKind.Basic, CardKind.Cloze, CardKind.Why, CardKind.Error];

    public static readonly CardRule AnswerTooLong = new("answer-too-long", LintSeverity.Advice,
        "Long answers are hard to recall in full, so reviews turn into vague recognition.",
        "Keep only what must come back to mind; move the rest to E: or to cards of their own.",
        [CardKind.Basic, CardKind.Why, CardKind.Error]);

    public static readonly CardRule SeveralFacts = new("several-facts", LintSeverity.Advice,
        "An answer with several facts is graded as one: a half-remembered card counts as known or as failed.",
        "Split it into one card per fact (a list or an \"and\" usually marks the seam).",
        [CardKind.Basic]);

    public static readonly CardRule ClozeGivesAway = new("cloze-gives-away", LintSeverity.Warning,
        "The hidden term can be read off the card, so nothing is recalled.",
        "Reword the visible text so the term appears only in the deletion, and give a hint that narrows the answer without saying it.",
        [CardKind.Cloze]);

    public static readonly CardRule ClozeTooMany = new("cloze-too-many", LintSeverity.Advice,
        "Each deletion number is a card of its own; many of them on one note make cards that all look alike.",
        "Keep one to three deletions (c1–c3) on the load-bearing terms, or split the note.",
        [CardKind.Cloze]);

    public static readonly CardRule ClozeHidesTooMuch = new("cloze-hides-too-much", LintSeverity.Warning,
        "A deletion that hides a whole explanation asks for the explanation word for word, not for a term.",
        "Hide only the term that must be retrieved; make the explanation a why card.",
        [CardKind.Cloze]);

    public static readonly CardRule OrphanContext = new("orphan-context", LintSeverity.Warning,
        "Shown months later among a thousand other cards, a card must make sense alone.",
        "Replace \"it\", \"this\" or \"as above\" with what is meant, and name the language, tool or domain (\"In Rust, …\").",
        s_allKinds);

    public static readonly CardRule WhyChainTooShort = new("why-chain-too-short", LintSeverity.Warning,
        "A why card trains a mechanism; a one-step answer is a bare fact, not a chain of causes.",
        "Write the chain from cause to effect in 2–4 steps joined by \"→\".",
        [CardKind.Why]);

    public static readonly CardRule WhyNoCausalLink = new("why-no-causal-link", LintSeverity.Warning,
        "A list of terms says what is involved, not why one thing leads to the next.",
        "Link the steps causally with \"→\" (cause → consequence → observed effect), or make one card per term.",
        [CardKind.Why]);

    public static readonly CardRule ErrorFixSame = new("error-fix-same", LintSeverity.Warning,
        "When the fix reads like the broken version there is nothing to spot.",
        "Show the broken code in BROKEN: and only the corrected line(s) in FIX:.",
        [CardKind.Error]);

    public static readonly CardRule CodeTooLong = new("code-too-long", LintSeverity.Advice,
        "Long code on a card is read, not recalled; the line that matters gets lost.",
        "Keep the few lines that matter (at most about 8) and cut the rest.",
        s_allKinds);

    public static readonly CardRule YesNoQuestion = new("yes-no-question", LintSeverity.Advice,
        "A yes/no question can be guessed half the time, and the answer teaches little.",
        "Ask for the thing itself: \"What …?\", \"Which …?\", \"Why …?\".",
        [CardKind.Basic, CardKind.Why]);

    public static readonly CardRule Duplicate = new("duplicate", LintSeverity.Warning,
        "A card that repeats an existing note or proposal doubles the reviews without teaching more.",
        "Drop this card, or reword it to ask something the other card does not.",
        s_allKinds);

    /// <summary>Every rule, in the order flags are reported.</summary>
    public static IReadOnlyList<CardRule> All { get; } =
    [
        Duplicate, OrphanContext, ClozeGivesAway, ClozeHidesTooMuch, ErrorFixSame, WhyChainTooShort, WhyNoCausalLink,
        YesNoQuestion, SeveralFacts, AnswerTooLong, ClozeTooMany, CodeTooLong,
    ];
}
