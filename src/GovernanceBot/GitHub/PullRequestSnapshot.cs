namespace GovernanceBot.GitHub;

/// <summary>
/// A pull request as GitHub reports it now, beyond what the issue endpoints say: the commit its checks belong on and
/// whether it was merged (a closed pull request may be merged or not).
/// </summary>
/// <param name="HeadSha">the SHA of the head commit: the <c>governance</c> check run goes on it.</param>
public sealed record PullRequestSnapshot(int Number, string HeadSha, bool IsOpen, bool Merged, DateTimeOffset? MergedAt);

/// <summary>One commit of a pull request, oldest first as GitHub lists them; <see cref="CommittedAt"/> is the committer's date.</summary>
public sealed record PullRequestCommit(string Sha, string? Author, DateTimeOffset? CommittedAt, string Message);
