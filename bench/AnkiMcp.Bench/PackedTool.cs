using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AnkiMcp.Bench;

/// <summary>
/// The <c>ankimcp</c> users get: <c>src/AnkiMcp</c> packed with <c>dotnet pack -c Release</c> (for this platform)
/// and installed with <c>dotnet tool install --tool-path</c> into a temp folder (as <c>.ci/packed-tool-check</c> does),
/// or an installed <c>ankimcp</c> given by path.
/// </summary>
internal sealed class PackedTool : IDisposable
{
    private readonly string? _workDirectory;

    private PackedTool(string executable, string? workDirectory)
    {
        Executable = executable;
        _workDirectory = workDirectory;
    }

    /// <summary>The installed tool's command (the apphost <c>dotnet tool install</c> puts on the tool path).</summary>
    public string Executable { get; }

    /// <summary>Packs and installs the tool from the repository this benchmark is built from.</summary>
    public static async Task<PackedTool> InstallAsync()
    {
        string repository = RepositoryRoot();
        string work = GeneratedCollection.NewFolder("tool");
        string feed = Path.Combine(work, "feed");
        string tools = Path.Combine(work, "tools");
        Console.WriteLine($"Packing src/AnkiMcp (Release) and installing it with dotnet tool install into {tools} ...");
        // This machine's platform only: the pointer package, its ReadyToRun package and the portable fallback.
        await DotnetAsync(repository, null, "pack", "src/AnkiMcp", "-c", "Release", "-o", feed, "--nologo", "-v", "q",
            "-p:ToolPlatforms=" + RuntimeInformation.RuntimeIdentifier);
        string version = Directory.GetFiles(feed, "AnkiMcp.*.nupkg").Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!["AnkiMcp.".Length..]).Single(rest => char.IsAsciiDigit(rest[0]));
        // Only the fresh package as the source, and a private package cache, so nothing stale is installed.
        await DotnetAsync(work, Path.Combine(work, "nuget"),
            "tool", "install", "AnkiMcp", "--version", version, "--tool-path", tools, "--source", feed, "-v", "q");
        return new PackedTool(Path.Combine(tools, OperatingSystem.IsWindows() ? "ankimcp.exe" : "ankimcp"), work);
    }

    /// <summary>An <c>ankimcp</c> already installed (<c>--tool PATH</c>).</summary>
    public static PackedTool Existing(string executable) =>
        File.Exists(executable) ? new PackedTool(Path.GetFullPath(executable), null) : throw new FileNotFoundException($"No ankimcp at {executable}.", executable);

    public void Dispose()
    {
        if (_workDirectory is not null)
            Directory.Delete(_workDirectory, recursive: true);
    }

    private static async Task DotnetAsync(string workingDirectory, string? packageCache, params string[] arguments)
    {
        ProcessStartInfo start = new("dotnet", arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (packageCache is not null)
            start.Environment["NUGET_PACKAGES"] = packageCache;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AnkiMcp.sln")))
                    return directory.FullName;
            }
        }
        throw new InvalidOperationException("Run this from the AnkiMcp repository (no AnkiMcp.sln above the current folder), or give --tool PATH.");
    }
}
