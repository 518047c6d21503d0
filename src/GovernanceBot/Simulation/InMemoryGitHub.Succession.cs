using GovernanceBot.GitHub;
using GovernanceBot.Simulation.Model;

namespace GovernanceBot.Simulation;

/// <summary>Succession over the model: the search for a user's latest comment and the issues the App opens.</summary>
public sealed partial class InMemoryGitHub
{
    public Task<UserActivity?> SearchLastActivityAsync(InstallationRef installation, string login, CancellationToken cancellationToken) =>
        Read(() => _state.SearchCommentedBy(installation.Id, installation.Account, login).FirstOrDefault() is { } issue
            ? new UserActivity(Model.GitHubState.UpdatedAt(issue), $"https://github.com/{issue.Repo}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}")
            : null);

    public Task<IReadOnlyList<IssueSummary>> ListIssuesByAsync(RepoRef repo, string creator, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<IssueSummary>)[.. _state.ListIssues(Key(repo), "all", [])
            .Where(i => !i.IsPullRequest && string.Equals(i.Author, creator, StringComparison.OrdinalIgnoreCase))
            .Select(i => new IssueSummary(i.Number, i.Title, i.Body, i.IsOpen, $"https://github.com/{i.Repo}/issues/{i.Number}"))]);

    public async Task<int> CreateIssueAsync(RepoRef repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        (int)await Write("CreateIssue", null, () =>
        {
            var issue = _state.CreateIssue(Key(repo), title, body, labels, botLogin);
            return (issue.Number, $"opened {repo}#{issue.Number}: {title}");
        });

    public Task EditIssueBodyAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Write("EditIssueBody", issue, () =>
        {
            GitHubState.EditBody(Stored(issue), body, _state.Now());
            return (issue.Number, "edited the issue's body");
        });
}
