namespace GovernanceBot.Domain.Config;

/// <summary>Whether abstentions (0 votes) count in the approval denominator.</summary>
public enum AbstentionMode
{
    /// <summary><c>3 * plus >= 2 * cast</c>: an abstention weighs like a vote that is not +1.</summary>
    Count,

    /// <summary><c>3 * plus >= 2 * (plus + minus)</c>: abstentions only help reach quorum.</summary>
    Ignore,
}
