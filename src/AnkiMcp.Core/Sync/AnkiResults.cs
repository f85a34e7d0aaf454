using System.Text.Json;
using AnkiMcp.Core.Anki;

namespace AnkiMcp.Core.Sync;

/// <summary>Reads the results of a <c>multi</c> batch, failing on the first action Anki refused.</summary>
internal static class AnkiResults
{
    public static JsonElement Expect(AnkiActionResult result, string action) =>
        result.Error is null ? result.Result : throw new AnkiConnectException($"Anki refused {action}: {result.Error}");
}
