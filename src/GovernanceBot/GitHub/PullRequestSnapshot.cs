namespace GovernanceBot.GitHub;

/// <summary>
/// A pull request as GitHub reports it now, beyond what the issue endpoints say: the commit its checks belong on and
/// whether it was merged (a closed pull request may be merged or not), and by whom.
/// </summary>
/// <param name="HeadSha">the SHA of the head commit: the <c>governance</c> check run goes on it.</param>
public sealed record PullRequestSnapshot(int Number, string HeadSha, bool IsOpen, bool Merged, DateTimeOffset? MergedAt, string? MergedBy = null);
