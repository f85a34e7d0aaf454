using System.Globalization;

namespace AnkiMcp.Bench;

/// <summary>
/// The CPU time (user + system) of this process's children that have ended and been waited for, from Linux's
/// /proc/self/stat (cutime, cstime; 10 ms ticks). Read before and after one child runs, the difference is that
/// child's CPU time: its own work, which a busy machine does not inflate as it does wall time.
/// </summary>
internal static class ReapedChildrenCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>The total so far, or null where /proc is missing.</summary>
    public static TimeSpan? Read()
    {
        if (!File.Exists("/proc/self/stat"))
            return null;
        string stat = File.ReadAllText("/proc/self/stat");
        // Fields after the ')' that closes the command name: state is field 3, cutime field 16, cstime field 17.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
