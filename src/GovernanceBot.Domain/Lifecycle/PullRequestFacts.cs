namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// The pull-request side of an issue, as GitHub reports it now: present only when the issue is a pull request
/// (GitHub serves a pull request's comments, labels and events through the issue endpoints).
/// </summary>
/// <param name="HeadSha">the head commit, where the <c>governance</c> check run belongs.</param>
/// <param name="MergedAt">when it was merged; null while it is not merged. A merge before the decision cancels the process.</param>
/// <param name="MergedBy">who merged it (null when not merged or unknown).</param>
/// <param name="Commits">its commits, oldest first.</param>
/// <param name="ChangedFiles">the paths it changes, relative to the repository root (for <c>pull_requests.require</c>).</param>
public sealed record PullRequestFacts(
    string HeadSha,
    DateTimeOffset? MergedAt,
    string? MergedBy,
    IReadOnlyList<PullRequestCommit> Commits,
    IReadOnlyList<string> ChangedFiles)
{
    public bool IsMerged => MergedAt is not null;
}

/// <summary>One commit of a pull request.</summary>
/// <param name="PushedAt">when it reached the pull request (the push), when GitHub tells; else <paramref name="CommittedAt"/> is used.</param>
/// <param name="Headline">the first line of its message.</param>
/// <param name="Url">its page on GitHub, for the link in the status comment; null shows the short SHA alone.</param>
public sealed record PullRequestCommit(string Sha, DateTimeOffset? PushedAt, DateTimeOffset CommittedAt, string Headline, string? Url = null)
{
    /// <summary>When the commit became part of the proposal: the push when known, else the commit time.</summary>
    public DateTimeOffset At => PushedAt ?? CommittedAt;

    /// <summary>The first seven hex digits, as GitHub shows a commit.</summary>
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
