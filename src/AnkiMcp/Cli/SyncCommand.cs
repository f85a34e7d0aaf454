using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp sync</c>: Two-way sync: apply the changes made on each side since the last sync to the other, and report notes changed on both.</summary>
internal static class SyncCommand
{
    public static Command Create(CliConsole console) => SyncCommandRunner.CreateCommand(console,
        "sync", aliases: [], "Two-way sync: apply the changes made on each side since the last sync to the other, and report notes changed on both.", SyncDirection.TwoWay, withPrefer: true);
}
