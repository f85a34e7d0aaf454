using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary>The options shared by <c>markdown-to-anki</c>, <c>anki-to-markdown</c> and <c>sync</c>.</summary>
internal sealed class SyncCommandOptions
{
    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Print the plan (creates, updates, moves, deletes, conflicts, media, per deck) and change nothing.",
    };

    private readonly Option<bool> _noAutoCommit = new("--no-auto-commit", "-n")
    {
        Description = "Do not commit the collection files with git before the sync changes them.",
    };

    private readonly Option<bool> _allowDeletes = new("--allow-deletes")
    {
        Description = "Allow deleting more than 20% (and more than 5) of a deck's notes in one run.",
    };

    private readonly Option<string[]> _prefer = new("--prefer")
    {
        Description = "Settle notes changed on both sides: 'markdown' or 'anki' wins for all, 'markdown:KEY' or 'anki:KEY' for one note (repeat for more). "
            + "Default: keep both and report the conflict.",
        Arity = ArgumentArity.OneOrMore,
    };

    public SyncCommandOptions(Command command, bool withPrefer)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_dryRun);
        command.Options.Add(_noAutoCommit);
        command.Options.Add(_allowDeletes);
        if (withPrefer)
        {
            _prefer.Validators.Add(result =>
            {
                if (PreferenceParser.Parse(result.GetValueOrDefault<string[]>() ?? []).Error is { } error)
                    result.AddError(error);
            });
            command.Options.Add(_prefer);
        }
    }

    public SyncOptions Read(ParseResult parseResult, IProgress<SyncProgress>? progress) => new()
    {
        DryRun = parseResult.GetValue(_dryRun),
        AutoCommit = !parseResult.GetValue(_noAutoCommit),
        AllowDeletes = parseResult.GetValue(_allowDeletes),
        Prefer = PreferenceParser.Parse(parseResult.GetValue(_prefer) ?? []).All,
        PreferByKey = PreferenceParser.Parse(parseResult.GetValue(_prefer) ?? []).ByKey,
        Progress = progress,
    };
}
