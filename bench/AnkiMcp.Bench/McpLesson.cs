using System.Globalization;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AnkiMcp.Bench;

/// <summary>The end-of-lesson loop as an assistant drives it over MCP: propose 20 cards, approve them all, create them.</summary>
internal static class McpLesson
{
    public const int CardsPerLesson = 20;

    /// <summary>The three calls of one lesson, in order, with the label they are reported under.</summary>
    public static readonly (string Tool, string Label)[] Calls =
        [("propose_cards", "propose_cards (20)"), ("approve_proposals", "approve_proposals (all)"), ("create_approved_cards", "create_approved_cards")];

    /// <summary>How to start <c>ankimcp serve</c> over stdio on <paramref name="collection"/>, approving in the conversation.</summary>
    public static StdioClientTransport Serve(string command, IEnumerable<string> commandPrefix, string collection, Uri ankiUrl) => new(new StdioClientTransportOptions
    {
        Name = "ankimcp",
        Command = command,
        Arguments = [.. commandPrefix, "serve", "--collection", collection, "--approval", "conversation", "--anki-url", ankiUrl.ToString()],
        WorkingDirectory = collection,
    });

    /// <summary>Calls <paramref name="tool"/> with its arguments for lesson number <paramref name="lesson"/>; throws when the tool reports an error.</summary>
    public static async Task CallAsync(McpClient client, string tool, int lesson)
    {
        Dictionary<string, object?> arguments = tool switch
        {
            "propose_cards" => Lesson(lesson),
            "approve_proposals" => new() { ["all"] = true },
            _ => [],
        };
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        if (result.IsError == true)
            throw new InvalidOperationException($"{tool} failed: {string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text))}");
    }

    private static Dictionary<string, object?> Lesson(int lesson) => new()
    {
        ["lesson"] = $"Lesson {lesson}",
        ["cards"] = Enumerable.Range(1, CardsPerLesson).Select(n => (n % 4) switch
        {
            0 => (object)new { kind = "basic", deck = Deck(lesson), question = Text(lesson, n, "What is"), answer = "An answer with `code` and *emphasis*." },
            1 => new { kind = "cloze", deck = Deck(lesson), text = $"In lesson {lesson}, fact {n} hides the {{{{c1::term {n}}}}}." },
            2 => new { kind = "why", deck = Deck(lesson), question = Text(lesson, n, "Why does"), chain = "cause → mechanism → effect" },
            _ => new { kind = "error", deck = Deck(lesson), broken = $"```rust\nlet b = a; // {lesson}.{n}\nprintln!(\"{{a}}\");\n```", fix = "`a.clone()`", why = "a was moved." },
        }).ToArray(),
    };

    private static string Deck(int lesson) => $"Bench::Deck{lesson % 5}";

    private static string Text(int lesson, int n, string start) => string.Create(CultureInfo.InvariantCulture, $"{start} item {n} of lesson {lesson}?");
}
