namespace GovernanceBot.Domain.Config;

/// <summary>When a vote may close before its deadline (<c>close_early</c>).</summary>
public enum EarlyClose
{
    /// <summary><c>all-voted</c> (or <c>true</c>): as soon as every member of the electorate has a counted vote.</summary>
    AllVoted,

    /// <summary><c>decided</c>: as soon as no vote still missing can change the outcome.</summary>
    Decided,

    /// <summary><c>never</c> (or <c>false</c>): only at the deadline.</summary>
    Never,
}
