namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// How the proposal changed after a round's voting opened: the pull request's commits pushed since, and the last edit
/// of the body when it came after. Empty for a round whose voting never opened.
/// </summary>
/// <param name="Commits">commits pushed after voting opened, oldest first.</param>
/// <param name="BodyEditedAt">the last edit of the issue's (or pull request's) body, when it came after voting opened.</param>
public sealed record ProposalChanges(IReadOnlyList<PullRequestCommit> Commits, DateTimeOffset? BodyEditedAt)
{
    public static ProposalChanges None { get; } = new([], null);

    public bool Any => Commits.Count > 0 || BodyEditedAt is not null;

    /// <summary>The first change: the moment a <c>restart</c> profile ends the round.</summary>
    public DateTimeOffset? First =>
        Commits.Select(c => (DateTimeOffset?)c.At).Append(BodyEditedAt).Where(t => t is not null).DefaultIfEmpty(null).Min();

    /// <summary>The changes in <paramref name="facts"/> made after <paramref name="votingOpened"/> and before <paramref name="until"/> (when given).</summary>
    public static ProposalChanges Since(IssueFacts facts, DateTimeOffset votingOpened, DateTimeOffset? until = null)
    {
        bool Inside(DateTimeOffset t) => t > votingOpened && (until is null || t <= until);
        var commits = facts.PullRequest?.Commits.Where(c => Inside(c.At)).OrderBy(c => c.At).ToList() ?? [];
        var body = facts.BodyEditedAt is { } edited && Inside(edited) ? edited : (DateTimeOffset?)null;
        return commits.Count == 0 && body is null ? None : new ProposalChanges(commits, body);
    }
}
