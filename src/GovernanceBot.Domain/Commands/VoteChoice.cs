namespace GovernanceBot.Domain.Commands;

/// <summary>A TSC member's vote: +1 (approve), 0 (abstain), -1 (reject).</summary>
public enum VoteChoice
{
    Approve,
    Abstain,
    Reject,
}
