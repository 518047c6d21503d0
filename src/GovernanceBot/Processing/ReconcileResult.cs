using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>What one reconcile changed on GitHub, and when the issue next needs looking at.</summary>
public sealed record ReconcileResult(
    IssueRef Issue,
    Decision? Decision,
    IReadOnlyList<string> Changes,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? RefreshAt)
{
    public bool Changed => Changes.Count > 0;

    /// <summary>The <c>governance</c> check the pull request's head should show after this reconcile; null for an issue.</summary>
    public CheckRunView? Check { get; init; }

    /// <summary>The issue's title as read by this reconcile (for the dashboard); null when the issue is gone.</summary>
    public string? Title { get; init; }

    public bool IsPullRequest { get; init; }

    /// <summary>The transitions whose comments this reconcile posted (<see cref="OutgoingComment.Transition"/>), for the metrics.</summary>
    public IReadOnlyList<string> Transitions { get; init; } = [];

    /// <summary>The earliest moment the issue should be reconciled again by time alone.</summary>
    public DateTimeOffset? WakeAt => Earliest(NextDeadline, RefreshAt);

    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        ({ } x, { } y) => x < y ? x : y,
        ({ } x, null) => x,
        (null, var y) => y,
    };
}
