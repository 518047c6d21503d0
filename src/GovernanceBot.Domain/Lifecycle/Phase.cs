namespace GovernanceBot.Domain.Lifecycle;

/// <summary>Where one round of a process stands.</summary>
public enum Phase
{
    Discussion,
    Voting,
    Approved,
    Rejected,
    NoQuorum,
    Cancelled,
}
