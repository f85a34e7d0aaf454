using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Quality;

/// <summary>One <c>{{cN::answer::hint}}</c> deletion of a cloze text.</summary>
internal sealed partial record ClozeDeletion(int Number, string Answer, string? Hint, int Start, int Length)
{
    public static IReadOnlyList<ClozeDeletion> Parse(string text) =>
        [.. Pattern().Matches(text).Select(match => new ClozeDeletion(
            int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[2].Value,
            match.Groups[3].Success ? match.Groups[3].Value : null,
            match.Index,
            match.Length))];

    /// <summary>The text with the deletions whose number <paramref name="hidden"/> accepts blanked and the others revealed.</summary>
    public static string Show(string text, IReadOnlyList<ClozeDeletion> deletions, Func<int, bool> hidden)
    {
        System.Text.StringBuilder shown = new(text.Length);
        int position = 0;
        foreach (ClozeDeletion deletion in deletions)
        {
            shown.Append(text, position, deletion.Start - position);
            shown.Append(hidden(deletion.Number) ? " [...] " : deletion.Answer);
            position = deletion.Start + deletion.Length;
        }

        return shown.Append(text, position, text.Length - position).ToString();
    }

    [GeneratedRegex(@"\{\{c(\d+)::(.*?)(?:::([^}]*))?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
