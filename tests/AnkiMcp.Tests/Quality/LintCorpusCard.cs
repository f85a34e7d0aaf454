using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Quality;

/// <summary>A card of the lint corpus and the rules it should trip: none for a good card.</summary>
internal sealed record LintCorpusCard(CardDraft Draft, IReadOnlyList<string> ExpectedRules)
{
    public bool IsGood => ExpectedRules.Count == 0;

    public static LintCorpusCard Basic(string question, string answer, params string[] rules) =>
        new(NewDraft(CardKind.Basic, new() { ["Question"] = question, ["Answer"] = answer }), rules);

    public static LintCorpusCard Cloze(string text, params string[] rules) =>
        new(NewDraft(CardKind.Cloze, new() { ["Text"] = text }), rules);

    public static LintCorpusCard Why(string question, string chain, params string[] rules) =>
        new(NewDraft(CardKind.Why, new() { ["Question"] = question, ["Chain"] = chain }), rules);

    public static LintCorpusCard Error(string broken, string fix, string why, params string[] rules) =>
        new(NewDraft(CardKind.Error, new() { ["Broken"] = broken, ["Fix"] = fix, ["Why"] = why }), rules);

    /// <summary>The same card with an <c>Extra</c> field.</summary>
    public LintCorpusCard WithExtra(string extra) =>
        this with { Draft = Draft with { Fields = new Dictionary<string, string>(Draft.Fields) { ["Extra"] = extra } } };

    public override string ToString() => $"[{Draft.Kind}] {Draft.Fields.Values.First()}";

    // The deck is not shown on a card, so it never names the domain for it; the corpus keeps one deck.
    private static CardDraft NewDraft(CardKind kind, Dictionary<string, string> fields) => new(kind, "Corpus", fields, []);
}
