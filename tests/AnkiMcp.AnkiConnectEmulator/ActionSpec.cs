using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>One AnkiConnect action: its Python signature (for argument errors) and its behaviour.</summary>
/// <param name="Name">The action (Python method) name.</param>
/// <param name="Required">Parameters without a default, in signature order.</param>
/// <param name="Optional">Parameters with a default.</param>
/// <param name="Run">The behaviour; returns the result value.</param>
internal sealed record ActionSpec(string Name, string[] Required, string[] Optional, Func<ActionContext, JsonNode?> Run)
{
    /// <summary>The TypeError Python raises when calling the method with <paramref name="parameters"/>, or null.</summary>
    public string? SignatureError(JsonObject parameters)
    {
        foreach (var (name, _) in parameters)
        {
            if (Array.IndexOf(Required, name) < 0 && Array.IndexOf(Optional, name) < 0)
                return $"{Name}() got an unexpected keyword argument '{name}'";
        }
        string[] missing = [.. Required.Where(r => !parameters.ContainsKey(r)).Select(r => $"'{r}'")];
        if (missing.Length == 0)
            return null;
        string list = missing.Length switch
        {
            1 => missing[0],
            2 => $"{missing[0]} and {missing[1]}",
            _ => string.Join(", ", missing[..^1]) + ", and " + missing[^1],
        };
        return $"{Name}() missing {missing.Length} required positional argument{(missing.Length == 1 ? "" : "s")}: {list}";
    }
}
