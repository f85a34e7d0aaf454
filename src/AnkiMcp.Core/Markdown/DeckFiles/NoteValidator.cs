using System.Globalization;
using System.Text.RegularExpressions;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Rules a note must follow once its type is known: identifying fields filled in, cloze markup exactly in
/// cloze types, and for choice types at least two choices and an answer listing existing choice numbers.</summary>
public static partial class NoteValidator
{
    /// <summary>The problems of a note with field values by field name; empty when the note is valid.</summary>
    public static IReadOnlyList<string> Validate(NoteTypeDefinition type, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(fields);
        List<string> problems = [];
        // Loops by index over the type's fields rather than LINQ: the parser validates every note of a collection.
        bool hasCloze = false;
        for (int i = 0; i < type.Fields.Count; i++)
        {
            NoteFieldDefinition field = type.Fields[i];
            if (field.Label is null)
                continue;
            string? value = fields.GetValueOrDefault(field.Name);
            if (field.Identifying && !(type.IsChoice && NoteTypeDefinition.IsChoiceField(field)) && string.IsNullOrWhiteSpace(value))
                problems.Add($"{field.Label} ({field.Name}) is required for {type.Name} notes but is empty");
        }
        foreach (KeyValuePair<string, string> field in fields)
            hasCloze |= field.Value.Contains("{{c", StringComparison.Ordinal) && ClozeMarker().IsMatch(field.Value);
        if (type.IsCloze && !hasCloze)
            problems.Add($"{type.Name} is a cloze type but the note has no cloze; mark text like {{{{c1::this}}}}");
        if (!type.IsCloze && hasCloze)
            problems.Add($"{type.Name} is not a cloze type but the note contains {{{{cN::…}}}} markup; use a cloze type (T:) or remove the markup");
        if (type.IsChoice)
            ValidateChoices(type, fields, problems);
        return problems;
    }

    private static void ValidateChoices(NoteTypeDefinition type, IReadOnlyDictionary<string, string> fields, List<string> problems)
    {
        Dictionary<int, NoteFieldDefinition> filled = [];
        for (int i = 0; i < type.Fields.Count; i++)
        {
            NoteFieldDefinition field = type.Fields[i];
            if (field.Label is null || !NoteTypeDefinition.IsChoiceField(field) || string.IsNullOrWhiteSpace(fields.GetValueOrDefault(field.Name)))
                continue;
            foreach (ValueMatch number in TrailingNumber().EnumerateMatches(field.Name))
                filled[int.Parse(field.Name.AsSpan(number.Index, number.Length), CultureInfo.InvariantCulture)] = field;
        }
        if (filled.Count < 2)
            problems.Add($"{type.Name} notes need at least two choices (e.g. C1: and C2:)");
        NoteFieldDefinition? answerField = type.LabelledFields.FirstOrDefault(f => f.Identifying && !NoteTypeDefinition.IsChoiceField(f) && f.Name.Equals("Answer", StringComparison.OrdinalIgnoreCase));
        if (answerField is null)
            return;
        string answer = fields.GetValueOrDefault(answerField.Name) ?? "";
        if (string.IsNullOrWhiteSpace(answer))
            return;
        foreach (string part in answer.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                problems.Add($"{answerField.Label} must list the numbers of the correct choices separated by commas (e.g. \"1, 3\"), not \"{answer.Trim()}\"");
                return;
            }
            if (!filled.ContainsKey(number))
                problems.Add($"{answerField.Label} names choice {number}, but there is no such choice; the choices given are {string.Join(", ", filled.Keys.Order())}");
        }
    }

    /// <summary>Whether the text contains Anki cloze markup (<c>{{c1::</c>).</summary>
    public static bool HasCloze(string text) => ClozeMarker().IsMatch(text);

    [GeneratedRegex(@"\{\{c\d+::")]
    private static partial Regex ClozeMarker();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();
}
