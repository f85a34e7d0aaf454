using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// Reads a <c>multi</c> reply in which every action succeeded, <c>{"result": [{"result": …, "error": null}, …],
/// "error": null}</c>, or one action's successful reply, <c>{"result": …, "error": null}</c>, token by token. Anything
/// else is declined, to be read as a document, where errors are reported.
/// </summary>
internal static class AnkiMultiReply
{
    public static bool TryRead(ReadOnlySpan<byte> reply, int actions, AnkiResultReader readResult) =>
        TryReadEnvelope(reply, (int _, ref Utf8JsonReader reader) => TryReadResults(ref reader, actions, readResult));

    /// <summary>Reads the reply to a single action, whose result goes to <paramref name="readResult"/> as action 0.</summary>
    public static bool TryReadSingle(ReadOnlySpan<byte> reply, AnkiResultReader readResult) => TryReadEnvelope(reply, readResult);

    private static bool TryReadEnvelope(ReadOnlySpan<byte> reply, AnkiResultReader readResult)
    {
        Utf8JsonReader reader = new(reply);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            bool resultsRead = false;
            bool errorNull = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool read = reader.ValueTextEquals("result"u8) ? !resultsRead && (resultsRead = reader.Read() && readResult(0, ref reader))
                    : reader.ValueTextEquals("error"u8) && !errorNull && (errorNull = reader.Read() && reader.TokenType == JsonTokenType.Null);
                if (!read)
                    return false;
            }
            // Nothing may follow the reply: a document would not parse.
            return resultsRead && errorNull && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or text that is not UTF-8: the document reader reports it.
            return false;
        }
    }

    private static bool TryReadResults(ref Utf8JsonReader reader, int actions, AnkiResultReader readResult)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        int action = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (action == actions || !TryReadEnvelope(ref reader, action++, readResult))
                return false;
        }
        return action == actions;
    }

    // {"result": …, "error": null}, in that order, as AnkiConnect writes it.
    private static bool TryReadEnvelope(ref Utf8JsonReader reader, int action, AnkiResultReader readResult) =>
        reader.TokenType == JsonTokenType.StartObject
        && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("result"u8)
        && reader.Read() && readResult(action, ref reader)
        && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("error"u8)
        && reader.Read() && reader.TokenType == JsonTokenType.Null
        && reader.Read() && reader.TokenType == JsonTokenType.EndObject;
}
