using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>A draft's fields as the rules read them: a field the card leaves out reads as empty.</summary>
internal static class CardDraftFields
{
    public static string Field(this CardDraft draft, string name) => draft.Fields.GetValueOrDefault(name) ?? string.Empty;
}
