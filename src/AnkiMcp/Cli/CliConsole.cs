using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>
/// The terminal a command talks to: stdout and stderr as Spectre consoles, stdin for answers. Commands get it injected
/// rather than reaching for <see cref="Console"/> or <see cref="AnsiConsole"/>, so they also run in process under a test console.
/// </summary>
internal sealed record CliConsole(IAnsiConsole Output, IAnsiConsole Error, TextReader Input)
{
    /// <summary>This process's stdout, stderr and stdin, as the person or script started it.</summary>
    public static CliConsole FromProcess() => new(
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.In)
    {
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
        IsInputRedirected = Console.IsInputRedirected,
    };

    /// <summary>Stdout goes to a file or pipe: plain lines instead of tables and colours.</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>Stderr goes to a file or pipe: no progress bars.</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>Stdin comes from a file or pipe: one answer per line instead of arrow-key prompts.</summary>
    public bool IsInputRedirected { get; init; } = true;

    /// <summary>Stdout for text that must reach it unchanged (JSON, documents): not wrapped at the terminal's width, no markup.</summary>
    public TextWriter PlainOutput => Output.Profile.Out.Writer;

    /// <summary>Stderr for messages, unwrapped.</summary>
    public TextWriter PlainError => Error.Profile.Out.Writer;
}
