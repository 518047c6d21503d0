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

    /// <summary>A nomination (<c>confirm: nominee</c>) waits for the nominee to accept; the discussion has not started.</summary>
    AwaitingNominee,
}
