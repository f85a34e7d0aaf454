namespace AnkiMcp.Core.Anki;

/// <summary>One action inside a <c>multi</c> batch.</summary>
/// <param name="Action">The action name, e.g. <c>notesInfo</c>.</param>
/// <param name="Parameters">The params object, serialised with System.Text.Json; null for none.</param>
public sealed record AnkiAction(string Action, object? Parameters = null);
