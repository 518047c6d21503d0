using System.Globalization;

namespace GovernanceBot.GitHub;

/// <summary>Succession: a member's last activity by issue search, and the issues the bot keeps in the report repository.</summary>
internal sealed partial class GitHubAdapter
{
    /// <remarks>
    /// <c>GET /search/issues?q=commenter:LOGIN org:OWNER&amp;sort=updated&amp;order=desc&amp;per_page=1</c>: a vote is a comment,
    /// so this finds votes and discussion; the date is the issue's last update, which may be later than the member's comment
    /// (it never makes an active member look inactive). <c>involves:</c> would also match the bot's own mention of them.
    /// </remarks>
    public async Task<UserActivity?> SearchLastActivityAsync(InstallationRef installation, string login, CancellationToken cancellationToken)
    {
        var path = $"search/issues?q={Uri.EscapeDataString(ActivityQuery(installation, login))}&sort=updated&order=desc&per_page=1";
        var result = await Rest.GetAsync(_connections.ForInstallation(installation.Id), path, Json.GitHubSearchResult, cancellationToken);
        return result.Items?.FirstOrDefault() is { } item ? new UserActivity(item.UpdatedAt ?? item.CreatedAt, item.HtmlUrl ?? "") : null;
    }

    /// <summary>The search's <c>q</c> for a member's last activity in the installation's account.</summary>
    public static string ActivityQuery(InstallationRef installation, string login) =>
        $"commenter:{login} {(installation.IsUser ? "user" : "org")}:{installation.Account}";

    public async Task<IReadOnlyList<IssueSummary>> ListIssuesByAsync(RepoRef repo, string creator, CancellationToken cancellationToken)
    {
        var issues = await Rest.GetAllAsync(Credential(repo), $"{RepoPath(repo)}/issues?state=all&creator={Escape(creator)}", Json.ListGitHubIssue, cancellationToken);
        return [.. issues.Where(i => i.PullRequest is null).Select(i => new IssueSummary(i.Number, i.Title ?? "", i.Body ?? "", i.State == "open", i.HtmlUrl ?? ""))];
    }

    public async Task<int> CreateIssueAsync(RepoRef repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var created = await Rest.SendAsync(Credential(repo), HttpMethod.Post, $"{RepoPath(repo)}/issues", Body(new NewIssueBody(title, body, labels), Json.NewIssueBody), Json.GitHubCreated, cancellationToken);
        return created.Number;
    }

    public Task EditIssueBodyAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Rest.SendAsync(Credential(issue.Repo), HttpMethod.Patch, IssuePath(issue), Body(new CommentBody(body), Json.CommentBody), cancellationToken);
}
