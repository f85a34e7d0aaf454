using System.Globalization;

namespace AnkiMcp.Bench;

/// <summary>Reads <c>--name value</c> options from a benchmark's arguments.</summary>
internal static class BenchArguments
{
    public static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int? IntOption(string[] args, string name) => Option(args, name) is string value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
