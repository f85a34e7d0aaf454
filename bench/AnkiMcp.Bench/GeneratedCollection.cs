using System.Globalization;
using System.Text;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Bench;

/// <summary>
/// A Markdown collection for benchmarks: the default note types and <c>notes</c> notes spread over 20 deck files,
/// 80% Q/A and 20% cloze, with some Markdown formatting.
/// </summary>
internal static class GeneratedCollection
{
    public const int Decks = 20;

    /// <summary>Writes the collection into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(string directory, int notes)
    {
        Directory.CreateDirectory(directory);
        DefaultNoteTypes.WriteTo(directory);
        StringBuilder[] decks = [.. Enumerable.Range(0, Decks).Select(_ => new StringBuilder())];
        for (int i = 0; i < notes; i++)
        {
            StringBuilder deck = decks[i % Decks];
            if (deck.Length > 0)
                deck.Append("\n---\n\n");
            deck.Append(i % 5 == 4
                ? string.Create(CultureInfo.InvariantCulture, $"T: Fact {i}: the {{{{c1::answer {i}}}}} belongs to *topic {i % 37}*.\nE: Extra for note {i}.\n")
                : string.Create(CultureInfo.InvariantCulture, $"Q: Question {i}: what does `item_{i}` do?\nA: answer {i}\n- with **bold** point {i}\n- and a second point\nE: Extra for note {i}.\n"));
        }
        for (int d = 0; d < Decks; d++)
            File.WriteAllText(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"Bench__Deck{d:D2}.md")), decks[d].ToString());
    }

    /// <summary>A new empty folder under the temp folder's <c>ankimcp-bench</c>.</summary>
    public static string NewFolder(string prefix)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ankimcp-bench", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
