namespace GovernanceBot.Domain.Config;

/// <summary>How votes are counted for one process.</summary>
public sealed record VotingRules(QuorumRule Quorum, Fraction Approval, AbstentionMode Abstentions, EarlyClose CloseEarly)
{
    public static VotingRules Default { get; } = new(QuorumRule.Majority, Fraction.TwoThirds, AbstentionMode.Count, EarlyClose.AllVoted);

    /// <summary><c>min_voting</c>: no early close before the vote has been open this long (zero: none).</summary>
    public TimeSpan MinVoting { get; init; } = TimeSpan.Zero;

    /// <summary><c>min_approvals</c>: the least number of +1 votes that can approve (zero: no such minimum).</summary>
    public int MinApprovals { get; init; }
}
