using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>A parsed note's field values by field name, in the note type's field order. The names array is shared by
/// the notes of one type in a file, so a note holds only its values: a collection keeps every parsed note, and a
/// dictionary per note weighed four times as much. Names are compared ordinally, like the dictionary it replaces.</summary>
internal sealed class NoteFieldValues(string[] names, string[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"The note has no field '{key}'.");

    public IEnumerable<string> Keys => names.AsReadOnly();

    public IEnumerable<string> Values => values.AsReadOnly();

    public int Count => names.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        int index = IndexOf(key);
        value = index >= 0 ? values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (int i = 0; i < names.Length; i++)
            yield return new KeyValuePair<string, string>(names[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A note type has a handful of fields: a linear search beats hashing the name.
    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], key, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
