namespace GovernanceBot.Domain.Voting;

/// <summary>How a vote ended.</summary>
public enum Outcome
{
    Approved,
    Rejected,
    NoQuorum,
}
