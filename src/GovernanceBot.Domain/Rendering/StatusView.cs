using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>What the status comment is drawn from.</summary>
public sealed record StatusView(GovernancePolicy Policy, IssueSnapshot Issue, IReadOnlyList<Round> Rounds, DateTimeOffset Now)
{
    /// <summary>Someone else edited this status comment, so its record was set aside and everything recomputed.</summary>
    public StatusEditedByOther? Recomputed { get; init; }
}
