namespace GovernanceBot.Domain.Voting;

/// <summary>The binding count of one vote and what the rules make of it. All whole numbers.</summary>
public sealed record TallySummary(int Electorate, int Plus, int Zero, int Minus, int QuorumNeeded, bool QuorumMet, bool Approved)
{
    public int Cast => Plus + Zero + Minus;
}
