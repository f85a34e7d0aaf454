using System.Diagnostics;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Bench;

/// <summary>
/// One <c>ankimcp</c> command run as its own process, with stdout and stderr redirected (as a script runs it): its wall
/// time from start to exit, and, when it talked to the emulator, the HTTP requests it made and the time the emulator
/// spent answering them. The tool's own time is the wall time less Anki's; its CPU time (on Linux) is what it computed,
/// on every core, however busy the machine was.
/// </summary>
internal sealed record ToolRun(TimeSpan Wall, TimeSpan Anki, TimeSpan? Cpu, int Requests, int ExitCode, string Output, string Errors)
{
    public TimeSpan Own => Wall - Anki;

    /// <summary>The first line the command printed.</summary>
    public string Headline => Output.Split('\n', 2)[0].Trim();

    public static async Task<ToolRun> RunAsync(string executable, Emulator? emulator, params string[] arguments)
    {
        ProcessStartInfo start = new(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        emulator?.ResetCounters();
        TimeSpan? cpuBefore = ReapedChildrenCpu.Read();
        long started = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        TimeSpan? cpu = ReapedChildrenCpu.Read() - cpuBefore;
        return new ToolRun(wall, emulator?.BusyTime ?? TimeSpan.Zero, cpu, emulator?.HttpRequestCount ?? 0, process.ExitCode, await output, await errors);
    }

    /// <summary>Throws with what the command printed unless it exited with 0.</summary>
    public ToolRun EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited with {ExitCode}:\n{Output}{Errors}");
}
