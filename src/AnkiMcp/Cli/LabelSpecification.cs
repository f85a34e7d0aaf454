namespace AnkiMcp.Cli;

/// <summary>Parses <c>--labels "Front=F:,Back=B:"</c> (field name = label; the colon may be left out) and
/// <c>--identifying "F:,B:"</c>.</summary>
internal static class LabelSpecification
{
    /// <summary>Field name → label, or null with the problem in <paramref name="problem"/>.</summary>
    public static Dictionary<string, string>? ParseLabels(string text, IReadOnlyList<string> fieldNames, out string? problem)
    {
        Dictionary<string, string> labels = new(StringComparer.Ordinal);
        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = pair.LastIndexOf('=');
            string field = equals < 0 ? "" : pair[..equals].Trim();
            string label = equals < 0 ? "" : WithColon(pair[(equals + 1)..].Trim());
            if (field.Length == 0 || label.Length < 2)
            {
                problem = $"--labels: '{pair}' is not FIELD=LABEL, e.g. --labels \"Front=F:,Back=B:\"";
                return null;
            }
            if (!fieldNames.Contains(field, StringComparer.Ordinal))
            {
                problem = $"--labels: the note type has no field '{field}'; its fields are {string.Join(", ", fieldNames.Select(f => $"'{f}'"))}";
                return null;
            }
            if (!labels.TryAdd(field, label))
            {
                problem = $"--labels: field '{field}' is given twice";
                return null;
            }
        }
        problem = labels.Count == 0 ? "--labels is empty; give at least one FIELD=LABEL, e.g. --labels \"Front=F:,Back=B:\"" : null;
        return problem is null ? labels : null;
    }

    public static HashSet<string> ParseIdentifying(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(WithColon)];

    public static string WithColon(string label) => label.Length == 0 || label.EndsWith(':') ? label : label + ":";
}
