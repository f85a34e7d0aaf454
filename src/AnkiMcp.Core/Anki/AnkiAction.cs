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
    /// An action whose params are written directly: a sync talks to Anki through these as a fresh process, where
    /// serialising an anonymous object by reflection costs more start-up than the request (the serializer's reflection
    /// metadata, emitted accessors and a hundred methods compiled on first use).
    /// </summary>
    internal static AnkiAction Written(string action, Action<Utf8JsonWriter> writeParameters) => new(action) { WriteParameters = writeParameters };

    /// <summary>An action whose only param is an Anki search (<c>findNotes</c>, <c>findCards</c>).</summary>
    internal static AnkiAction Search(string action, string query) => Written(action, writer => writer.WriteString("query"u8, query));

    /// <summary>An action whose only param is a model name (<c>modelFieldNames</c>, <c>modelTemplates</c>, <c>modelStyling</c>).</summary>
    internal static AnkiAction OfModel(string action, string modelName) => Written(action, writer => writer.WriteString("modelName"u8, modelName));

    /// <summary><c>createDeck</c>: creates the deck unless it exists.</summary>
    internal static AnkiAction CreateDeck(string deck) => Written("createDeck", writer => writer.WriteString("deck"u8, deck));

    /// <summary><c>changeDeck</c>: moves the cards into the deck.</summary>
    internal static AnkiAction ChangeDeck(IEnumerable<long> cards, string deck) => Written("changeDeck", writer =>
    {
        AnkiConnectClient.WriteLongs(writer, "cards"u8, cards);
        writer.WriteString("deck"u8, deck);
    });

    /// <summary><c>updateNote</c>: writes the fields and, when given, replaces the tags.</summary>
    internal static AnkiAction UpdateNote(long noteId, IReadOnlyDictionary<string, string> fields, IEnumerable<string>? tags) => Written("updateNote", writer =>
    {
        writer.WriteStartObject("note"u8);
        writer.WriteNumber("id"u8, noteId);
        AnkiConnectClient.WriteFields(writer, fields);
        if (tags is not null)
            AnkiConnectClient.WriteStrings(writer, "tags"u8, tags);
        writer.WriteEndObject();
    });

    /// <summary>An action whose only param is a list of ids, e.g. <c>notesModTime</c> with <c>notes</c>.</summary>
    internal static AnkiAction Ids(string action, string name, IEnumerable<long> ids)
    {
        byte[] utf8Name = Encoding.UTF8.GetBytes(name);
        return Written(action, writer => AnkiConnectClient.WriteLongs(writer, utf8Name, ids));
    }
}
