using System.Text.Json.Nodes;
using AnkiMcp.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Anki;

/// <summary>How one recorded AnkiConnect example is replayed: the state it needs and how its reply is compared.</summary>
/// <param name="Action">The example's action, checked so the table cannot drift from the data file.</param>
/// <param name="Options">Emulator configuration the example needs.</param>
/// <param name="Arrange">State the example assumes (notes with its ids, decks, models).</param>
/// <param name="Origin">An Origin header to send, for the CORS examples.</param>
/// <param name="Compare">Null: the reply must equal the recorded one. Otherwise a comparison whose reason is <paramref name="Why"/>.</param>
/// <param name="Why">Why the comparison is not exact, where it is not.</param>
internal sealed record ConformanceCase(
    string Action,
    EmulatorOptions? Options = null,
    Action<AnkiConnectEmulator.AnkiConnectEmulator>? Arrange = null,
    string? Origin = null,
    Action<JsonNode?, JsonNode?, RawHttpResponse, AnkiConnectEmulator.AnkiConnectEmulator>? Compare = null,
    string? Why = null);
