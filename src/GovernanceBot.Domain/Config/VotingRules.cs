namespace GovernanceBot.Domain.Config;

/// <summary>How votes are counted for one process.</summary>
public sealed record VotingRules(QuorumRule Quorum, Fraction Approval, AbstentionMode Abstentions, bool CloseEarly)
{
    public static VotingRules Default { get; } = new(QuorumRule.Majority, Fraction.TwoThirds, AbstentionMode.Count, CloseEarly: true);
}
