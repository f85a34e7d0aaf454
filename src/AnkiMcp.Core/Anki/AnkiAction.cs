using System.Text;
using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>One action inside a <c>multi</c> batch.</summary>
/// <param name="Action">The action name, e.g. <c>notesInfo</c>.</param>
/// <param name="Parameters">The params object, serialised with System.Text.Json; null for none.</param>
public sealed record AnkiAction(string Action, object? Parameters = null)
{
    /// <summary>Writes the params object's properties, instead of <see cref="Parameters"/> being serialised.</summary>
    internal Action<Utf8JsonWriter>? WriteParameters { get; private init; }

    /// <summary>
    /// An action whose params are written directly: a sync reads Anki through these as a fresh process, where
    /// serialising an anonymous object by reflection costs more start-up than the request.
    /// </summary>
    internal static AnkiAction Written(string action, Action<Utf8JsonWriter> writeParameters) => new(action) { WriteParameters = writeParameters };

    /// <summary>An action whose only param is an Anki search (<c>findNotes</c>, <c>findCards</c>).</summary>
    internal static AnkiAction Search(string action, string query) => Written(action, writer => writer.WriteString("query"u8, query));

    /// <summary>An action whose only param is a list of ids, e.g. <c>notesModTime</c> with <c>notes</c>.</summary>
    internal static AnkiAction Ids(string action, string name, IEnumerable<long> ids)
    {
        byte[] utf8Name = Encoding.UTF8.GetBytes(name);
        return Written(action, writer => AnkiConnectClient.WriteLongs(writer, utf8Name, ids));
    }
}
