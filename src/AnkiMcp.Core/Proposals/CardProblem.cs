namespace AnkiMcp.Core.Proposals;

/// <summary>One problem with one proposed card, phrased so its author can fix it.</summary>
/// <param name="Number">The card's number in its batch (or in the list being proposed).</param>
/// <param name="Problem">What is wrong and how to put it right.</param>
public sealed record CardProblem(int Number, string Problem)
{
    public override string ToString() => $"Card {Number}: {Problem}";
}
