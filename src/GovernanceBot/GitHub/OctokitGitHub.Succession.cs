using Octokit;

namespace GovernanceBot.GitHub;

/// <summary>Succession: a member's last activity by issue search, and the issues the bot keeps in the report repository.</summary>
internal sealed partial class OctokitGitHub
{
    /// <remarks>
    /// <c>GET /search/issues?q=commenter:LOGIN org:OWNER&amp;sort=updated&amp;order=desc&amp;per_page=1</c>: a vote is a comment,
    /// so this finds votes and discussion; the date is the issue's last update, which may be later than the member's comment
    /// (it never makes an active member look inactive). <c>involves:</c> would also match the bot's own mention of them.
    /// </remarks>
    public async Task<UserActivity?> SearchLastActivityAsync(InstallationRef installation, string login, CancellationToken cancellationToken)
    {
        var api = new ApiConnection(_connections.ForInstallation(installation.Id).Connection);
        var parameters = new Dictionary<string, string>
        {
            ["q"] = ActivityQuery(installation, login),
            ["sort"] = "updated",
            ["order"] = "desc",
            ["per_page"] = "1",
        };
        var result = await GitHubCallContext.RunAsync(cancellationToken, () => api.Get<SearchIssuesResult>(Relative("search/issues"), parameters));
        return result.Items.FirstOrDefault() is { } item ? new UserActivity(item.UpdatedAt ?? item.CreatedAt, item.HtmlUrl) : null;
    }

    /// <summary>The search's <c>q</c> for a member's last activity in the installation's account.</summary>
    public static string ActivityQuery(InstallationRef installation, string login) =>
        $"commenter:{login} {(installation.IsUser ? "user" : "org")}:{installation.Account}";

    public async Task<IReadOnlyList<IssueSummary>> ListIssuesByAsync(RepoRef repo, string creator, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var query = new Dictionary<string, string> { ["state"] = "all", ["creator"] = creator };
        var issues = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.GetAll<Issue>(Relative($"{RepoPath(repo)}/issues"), query, AllPages));
        return [.. issues.Where(i => i.PullRequest is null).Select(i => new IssueSummary(i.Number, i.Title, i.Body ?? "", i.State.Value == ItemState.Open, i.HtmlUrl))];
    }

    public async Task<int> CreateIssueAsync(RepoRef repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var created = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Post<Issue>(Relative($"{RepoPath(repo)}/issues"), Json(new { title, body, labels }), Accept, JsonMediaType, cancellationToken));
        return created.Number;
    }

    public Task EditIssueBodyAsync(IssueRef issue, string body, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        return GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Patch<Issue>(Relative(IssuePath(issue)), Json(new { body }), Accept));
    }
}
