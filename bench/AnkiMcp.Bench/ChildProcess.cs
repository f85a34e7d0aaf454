using System.Diagnostics;
using System.Globalization;

namespace AnkiMcp.Bench;

/// <summary>Finds a child process of this one by its command line (Linux /proc), to read its CPU time.</summary>
internal static class ChildProcess
{
    public static Process? Find(string commandLineContains)
    {
        int self = Environment.ProcessId;
        foreach (string directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Field 4 (parent pid) follows the ')' that closes the command name, which may itself contain spaces.
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == self
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(commandLineContains, StringComparison.Ordinal))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return null;
    }
}
