namespace GovernanceBot.Simulation.Model;

/// <summary>Succession: issues the App opens and edits, and the search for a user's latest comment.</summary>
internal sealed partial class GitHubState
{
    /// <summary>An issue the App opens through the API, numbered after the repository's last one.</summary>
    public StoredIssue CreateIssue(RepoKey repo, string title, string body, IEnumerable<string> labels, string? author = null)
    {
        var number = Issues.Keys.Where(k => k.Item1 == repo).Select(k => k.Item2).DefaultIfEmpty(0).Max() + 1;
        var issue = AddIssue(repo, number, title, author ?? BotLogin, labels);
        issue.Body = body;
        return issue;
    }

    /// <summary>When the issue was last updated as GitHub reports it: its creation, latest comment or close.</summary>
    public static DateTimeOffset UpdatedAt(StoredIssue issue) =>
        new[] { issue.CreatedAt, issue.ClosedAt ?? issue.CreatedAt }.Concat(issue.Comments.Select(c => c.UpdatedAt)).Max();

    /// <summary>
    /// What <c>commenter:LOGIN org:OWNER</c> sorted by updated answers as the installation: the issues and pull requests
    /// it can see where the user commented, most recently updated first.
    /// </summary>
    public IEnumerable<StoredIssue> SearchCommentedBy(long installationId, string owner, string login) => Issues.Values
        .Where(i => string.Equals(i.Repo.Owner, owner, StringComparison.OrdinalIgnoreCase))
        .Where(i => CanSee(installationId, i.Repo) && !RepositoryStatus.ContainsKey(i.Repo))
        .Where(i => i.Comments.Any(c => string.Equals(c.Author, login, StringComparison.OrdinalIgnoreCase)))
        .OrderByDescending(UpdatedAt).ThenByDescending(i => i.Number);
}
