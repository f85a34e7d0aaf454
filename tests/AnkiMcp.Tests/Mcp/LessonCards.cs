namespace AnkiMcp.Tests.Mcp;

/// <summary>Tool arguments for a typical end-of-lesson batch: one card of each kind.</summary>
internal static class LessonCards
{
    public static Dictionary<string, object?> Rust() => new()
    {
        ["lesson"] = "Rust ownership",
        ["cards"] = new object[]
        {
            new { kind = "cloze", deck = "Programming::Rust", text = "A Rust value has exactly one {{c1::owner}} at a time.", tags = new[] { "rust" } },
            new { kind = "why", deck = "Programming::Rust", question = "Why can't you use a String after `let b = a;`?", chain = "String owns heap memory → ownership moves to b → a is invalidated" },
            new { kind = "error", deck = "Programming::Rust", broken = "```rust\nlet b = a;\nprintln!(\"{a}\");\n```", fix = "`let b = a.clone();`", why = "The assignment moved a into b." },
            new { kind = "basic", deck = "Programming::Rust", question = "What does `&mut` give you?", answer = "An exclusive, mutable borrow." },
        },
    };

    public static int[] Numbers(params int[] numbers) => numbers;

    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(pair => pair.Name, pair => pair.Value);
}
