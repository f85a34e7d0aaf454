using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Proposals;

/// <summary>Valid drafts of every kind for tests.</summary>
internal static class Drafts
{
    public static CardDraft Basic(string question = "What does `git stash` do?", string answer = "Shelves uncommitted changes.", string deck = "Programming::Git") =>
        new(CardKind.Basic, deck, new Dictionary<string, string> { ["Question"] = question, ["Answer"] = answer }, ["git"]);

    public static CardDraft Cloze(string text = "A Rust value has exactly one {{c1::owner}}.", string deck = "Programming::Rust") =>
        new(CardKind.Cloze, deck, new Dictionary<string, string> { ["Text"] = text }, ["rust"]);

    public static CardDraft Why(string deck = "Programming::Rust") =>
        new(CardKind.Why, deck, new Dictionary<string, string>
        {
            ["Question"] = "Why can't you use a String after `let b = a;`?",
            ["Chain"] = "String owns heap memory → ownership moves to b → a is invalidated",
        }, ["rust", "ownership"]);

    public static CardDraft Error(string deck = "Programming::Rust") =>
        new(CardKind.Error, deck, new Dictionary<string, string>
        {
            ["Broken"] = "```rust\nlet b = a;\nprintln!(\"{a}\");\n```",
            ["Fix"] = "`let b = a.clone();`",
            ["Why"] = "The assignment moved a into b.",
        }, []);
}
