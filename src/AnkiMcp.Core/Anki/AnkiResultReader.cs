using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// Reads the result of the <paramref name="action"/>-th action of a <c>multi</c> reply: <paramref name="reader"/> is on
/// the result's first token and must be left on its last. False declines a result of a shape it does not expect.
/// </summary>
internal delegate bool AnkiResultReader(int action, ref Utf8JsonReader reader);
