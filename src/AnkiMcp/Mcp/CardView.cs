using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;

namespace AnkiMcp.Mcp;

/// <summary>A proposed card as tools report it.</summary>
internal sealed record CardView(
    [property: Description("The card's number in its batch; use it to approve, revise or reject")] int Number,
    [property: Description("basic, cloze, why or error")] string Kind,
    [property: Description("The Anki deck")] string Deck,
    [property: Description("pending, approved, created or rejected")] string State,
    [property: Description("1 as proposed, +1 per revision")] int Revision,
    [property: Description("Field name → Markdown text")] IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    [property: Description("Why the person rejected it, if they said")] string? RejectionReason = null,
    [property: Description("The Markdown note key once created")] string? NoteKey = null,
    [property: Description("Once created: whether it reached Anki (false: the next sync takes it there)")] bool? ReachedAnki = null,
    [property: Description("Card-quality flags, absent when there are none: fix the card before showing it (revise_proposal), or show the flag with it. " +
        "Advice only: a flagged card can still be approved and created")] IReadOnlyList<CardFlagView>? Flags = null)
{
    /// <summary>The card, and while it waits for a decision or for creation, the flags the linter raises on it alone.</summary>
    public static CardView From(Proposal proposal) => From(proposal, duplicate: null);

    /// <summary>The card with its flags, <paramref name="duplicate"/> first when the card repeats another one (finding
    /// that needs the other cards, which the tool that proposed or revised it has).</summary>
    public static CardView From(Proposal proposal, CardFlag? duplicate)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        IReadOnlyList<CardFlag> flags = proposal.State is ProposalState.Pending or ProposalState.Approved
            ? [.. duplicate is null ? [] : new[] { duplicate }, .. CardLinter.Lint(proposal.Draft)]
            : [];
        return new CardView(
            proposal.Number,
            CardDraftValidator.Describe(proposal.Draft.Kind),
            proposal.Draft.Deck,
            proposal.State.ToString().ToLowerInvariant(),
            proposal.Revision,
            proposal.Draft.Fields,
            proposal.Draft.Tags,
            proposal.RejectionReason,
            proposal.NoteKey,
            proposal.ReachedAnki,
            flags.Count == 0 ? null : [.. flags.Select(CardFlagView.From)]);
    }

    /// <summary>
    /// The card as a result echoes what the assistant just wrote: fields longer than <see cref="EchoLength"/> are cut
    /// there, so a reply never carries a long text back twice (structured and as text).
    /// </summary>
    public static CardView Echo(Proposal proposal) => Echo(proposal, duplicate: null);

    /// <summary>The card as <see cref="Echo(Proposal)"/> cuts it, <paramref name="duplicate"/> first among its flags.</summary>
    public static CardView Echo(Proposal proposal, CardFlag? duplicate)
    {
        CardView card = From(proposal, duplicate);
        return card.Fields.Values.All(text => text.Length <= EchoLength)
            ? card
            : card with
            {
                Fields = card.Fields.ToDictionary(field => field.Key, field => field.Value.Length <= EchoLength
                    ? field.Value
                    : $"{field.Value[..EchoLength]}… [{field.Value.Length - EchoLength:N0} more characters, as proposed; list_proposals shows them all]"),
            };
    }

    /// <summary>The characters of a field a result echoes.</summary>
    public const int EchoLength = 500;
}
