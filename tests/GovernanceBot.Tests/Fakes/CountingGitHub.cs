using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// An <see cref="IGitHub"/> that counts the bot's calls by method before passing them on: the point of API-budget
/// tests, kept out of the simulator's <see cref="GovernanceBot.Simulation.InMemoryGitHub"/>.
/// </summary>
public sealed class CountingGitHub(IGitHub inner) : IGitHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _calls = [];

    /// <summary>How many calls the bot made, by method ("PostComment", "AddLabel", ...).</summary>
    public IReadOnlyDictionary<string, int> Calls
    {
        get
        {
            lock (_gate) return new Dictionary<string, int>(_calls);
        }
    }

    public Task<string> GetBotLoginAsync(CancellationToken cancellationToken) =>
        Count("GetBotLogin", inner.GetBotLoginAsync(cancellationToken));

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        Count("GetFile", inner.GetFileAsync(repo, path, cancellationToken));

    public Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken) =>
        Count("GetTeamMembers", inner.GetTeamMembersAsync(repo, org, teamSlug, cancellationToken));

    public Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("GetIssue", inner.GetIssueAsync(issue, cancellationToken));

    public Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("GetIssueEvents", inner.GetIssueEventsAsync(issue, cancellationToken));

    public Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("GetComments", inner.GetCommentsAsync(issue, cancellationToken));

    public Task<IReadOnlyList<CommentFact>> WithEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> comments, string botLogin, CancellationToken cancellationToken) =>
        Count("GraphQL", inner.WithEditsAsync(issue, comments, botLogin, cancellationToken));

    public Task<DateTimeOffset?> GetBodyEditedAtAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("GetBodyEditedAt", inner.GetBodyEditedAtAsync(issue, cancellationToken));

    public Task<long> PostCommentAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Count("PostComment", inner.PostCommentAsync(issue, body, cancellationToken));

    public Task EditCommentAsync(RepoRef repo, long commentId, string body, CancellationToken cancellationToken) =>
        Count("EditComment", inner.EditCommentAsync(repo, commentId, body, cancellationToken));

    public Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken) =>
        Count("DeleteComment", inner.DeleteCommentAsync(repo, commentId, cancellationToken));

    public Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Count("AddLabel", inner.AddLabelAsync(issue, label, cancellationToken));

    public Task LockIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("LockIssue", inner.LockIssueAsync(issue, cancellationToken));

    public Task CloseIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Count("CloseIssue", inner.CloseIssueAsync(issue, cancellationToken));

    public Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Count("RemoveLabel", inner.RemoveLabelAsync(issue, label, cancellationToken));

    public Task EnsureLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken) =>
        Count("EnsureLabel", inner.EnsureLabelAsync(repo, label, cancellationToken));

    public Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken) =>
        Count("ListOpenIssuesWithLabel", inner.ListOpenIssuesWithLabelAsync(repo, label, cancellationToken));

    public Task<IReadOnlyList<IssueRef>> SearchOpenProcessesAsync(InstallationRef installation, IReadOnlyCollection<string> labels, CancellationToken cancellationToken) =>
        Count("SearchOpenProcesses", inner.SearchOpenProcessesAsync(installation, labels, cancellationToken));

    public Task<UserActivity?> SearchLastActivityAsync(InstallationRef installation, string login, CancellationToken cancellationToken) =>
        Count("SearchLastActivity", inner.SearchLastActivityAsync(installation, login, cancellationToken));

    public Task<IReadOnlyList<IssueSummary>> ListIssuesByAsync(RepoRef repo, string creator, CancellationToken cancellationToken) =>
        Count("ListIssuesBy", inner.ListIssuesByAsync(repo, creator, cancellationToken));

    public Task<int> CreateIssueAsync(RepoRef repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        Count("CreateIssue", inner.CreateIssueAsync(repo, title, body, labels, cancellationToken));

    public Task EditIssueBodyAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Count("EditIssueBody", inner.EditIssueBodyAsync(issue, body, cancellationToken));

    public Task<PullRequestSnapshot?> GetPullRequestAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Count("GetPullRequest", inner.GetPullRequestAsync(pullRequest, cancellationToken));

    public Task<IReadOnlyList<PullRequestCommit>> GetPullRequestCommitsAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Count("GetPullRequestCommits", inner.GetPullRequestCommitsAsync(pullRequest, cancellationToken));

    public Task<IReadOnlyList<string>> GetPullRequestFilesAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Count("GetPullRequestFiles", inner.GetPullRequestFilesAsync(pullRequest, cancellationToken));

    public Task<CheckRunSnapshot?> FindCheckRunAsync(RepoRef repo, string headSha, string name, CancellationToken cancellationToken) =>
        Count("FindCheckRun", inner.FindCheckRunAsync(repo, headSha, name, cancellationToken));

    public Task<long> CreateCheckRunAsync(RepoRef repo, string headSha, string name, CheckRunSpec check, CancellationToken cancellationToken) =>
        Count("CreateCheckRun", inner.CreateCheckRunAsync(repo, headSha, name, check, cancellationToken));

    public Task UpdateCheckRunAsync(RepoRef repo, long checkRunId, CheckRunSpec check, CancellationToken cancellationToken) =>
        Count("UpdateCheckRun", inner.UpdateCheckRunAsync(repo, checkRunId, check, cancellationToken));

    private TTask Count<TTask>(string call, TTask result)
    {
        lock (_gate) _calls[call] = _calls.GetValueOrDefault(call) + 1;
        return result;
    }
}
