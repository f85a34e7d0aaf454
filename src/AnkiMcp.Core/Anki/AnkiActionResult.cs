using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>The reply to one action of a <c>multi</c> batch: a result, or the error Anki gave for that action alone.</summary>
/// <param name="Action">The action name.</param>
/// <param name="Result">The result; <see cref="JsonValueKind.Null"/> when the action failed or returns nothing.</param>
/// <param name="Error">AnkiConnect's error text, or null on success.</param>
public sealed record AnkiActionResult(string Action, JsonElement Result, string? Error)
{
    /// <summary>True when the action succeeded.</summary>
    public bool IsSuccess => Error is null;

    internal bool ApiKeyConfigured { get; init; }

    /// <summary>The result, or an <see cref="AnkiConnectException"/> carrying the action's error.</summary>
    public JsonElement GetResultOrThrow() =>
        Error is null ? Result : throw AnkiConnectException.FromReply(Action, Error, ApiKeyConfigured);
}
