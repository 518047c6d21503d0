using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.GitHub;

/// <summary>
/// The one seam between the bot and GitHub, shaped by what the bot needs (not by the REST API).
/// Implemented over Octokit for real GitHub and in memory for <c>simulate</c> and fast tests.
/// </summary>
public interface IGitHub
{
    /// <summary>The login of the App's bot user ("name[bot]"): only its comments are trusted state.</summary>
    Task<string> GetBotLoginAsync(CancellationToken cancellationToken);

    /// <summary>The text of a file on the default branch, or null when there is none.</summary>
    Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken);

    /// <summary>The logins of an organisation team's members, or null when the team does not exist.</summary>
    Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken);

    /// <summary>The issue or pull request (<see cref="IssueSnapshot.IsPullRequest"/>), or null when it does not exist (deleted, transferred).</summary>
    Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>All of the issue's labeled/unlabeled/closed/reopened events, oldest first.</summary>
    Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>All of the issue's comments, oldest first.</summary>
    Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="comments"/> with their edit facts (<see cref="CommentFact.Edits"/>: last editor and history) for
    /// the edited ones whose author matters: people's comments and the bot's status comment. Unchanged comments are not
    /// asked about again.
    /// </summary>
    Task<IReadOnlyList<CommentFact>> WithEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> comments, string botLogin, CancellationToken cancellationToken);

    /// <summary>
    /// When the body of the issue last read by <see cref="GetIssueAsync"/> was last edited (title edits do not count), or
    /// null when never. Asked of GitHub only when that body changed since it was last asked, and then together with
    /// <see cref="WithEditsAsync"/>'s query when that one runs first in the same reconcile.
    /// </summary>
    Task<DateTimeOffset?> GetBodyEditedAtAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>Posts a comment; returns its id.</summary>
    Task<long> PostCommentAsync(IssueRef issue, string body, CancellationToken cancellationToken);

    Task EditCommentAsync(RepoRef repo, long commentId, string body, CancellationToken cancellationToken);

    /// <summary>Deletes one of the bot's own comments (a duplicate left by a race between replicas); one already gone is not an error.</summary>
    Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken);

    Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken);

    /// <summary>Locks the issue's conversation as resolved (<c>PUT /repos/{owner}/{repo}/issues/{issue_number}/lock</c>); a locked one stays so.</summary>
    Task LockIssueAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>Closes the issue as completed (<c>PATCH /repos/{owner}/{repo}/issues/{issue_number}</c>); a closed one stays so.</summary>
    Task CloseIssueAsync(IssueRef issue, CancellationToken cancellationToken);

    /// <summary>Removes a label from the issue; a label that is already gone is not an error.</summary>
    Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken);

    /// <summary>Creates the label in the repository if it does not exist yet.</summary>
    Task EnsureLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken);

    /// <summary>The numbers of the open issues and pull requests that carry <paramref name="label"/>.</summary>
    Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken);

    /// <summary>
    /// The open issues and pull requests, in every repository of the installation's account it can see, that carry any of
    /// <paramref name="labels"/>: one issue search (<c>GET /search/issues</c>, plus pages), whatever the number of repositories.
    /// </summary>
    Task<IReadOnlyList<IssueRef>> SearchOpenProcessesAsync(InstallationRef installation, IReadOnlyCollection<string> labels, CancellationToken cancellationToken);

    // ---- pull requests: read through the issue endpoints above, and these for what only they have ----

    /// <summary>The pull request's head commit and merge state, or null when there is no such pull request.</summary>
    Task<PullRequestSnapshot?> GetPullRequestAsync(IssueRef pullRequest, CancellationToken cancellationToken);

    /// <summary>The pull request's commits, oldest first (GitHub lists at most 250); GitHub does not say when each was pushed.</summary>
    Task<IReadOnlyList<PullRequestCommit>> GetPullRequestCommitsAsync(IssueRef pullRequest, CancellationToken cancellationToken);

    /// <summary>The paths the pull request changes; a renamed file counts under its old path too (GitHub lists at most 3,000 files).</summary>
    Task<IReadOnlyList<string>> GetPullRequestFilesAsync(IssueRef pullRequest, CancellationToken cancellationToken);

    /// <summary>The App's latest check run named <paramref name="name"/> on commit <paramref name="headSha"/>, or null when it has none there.</summary>
    Task<CheckRunSnapshot?> FindCheckRunAsync(RepoRef repo, string headSha, string name, CancellationToken cancellationToken);

    /// <summary>Creates a check run named <paramref name="name"/> on <paramref name="headSha"/> showing <paramref name="check"/>; returns its id.</summary>
    Task<long> CreateCheckRunAsync(RepoRef repo, string headSha, string name, CheckRunSpec check, CancellationToken cancellationToken);

    /// <summary>Makes check run <paramref name="checkRunId"/> show <paramref name="check"/>.</summary>
    Task UpdateCheckRunAsync(RepoRef repo, long checkRunId, CheckRunSpec check, CancellationToken cancellationToken);

    // ---- succession: the TSC activity issue and membership reviews (design section 9) ----

    /// <summary>
    /// The user's latest comment (a vote included) in the installation's account, as one issue search finds it
    /// (<c>commenter:LOGIN org:OWNER</c>, sorted by updated, one result): the issue or pull request and when it was last
    /// updated; null when the search finds none.
    /// </summary>
    Task<UserActivity?> SearchLastActivityAsync(InstallationRef installation, string login, CancellationToken cancellationToken);

    /// <summary>The repository's issues (open and closed) opened by <paramref name="creator"/>, with their bodies, newest first.</summary>
    Task<IReadOnlyList<IssueSummary>> ListIssuesByAsync(RepoRef repo, string creator, CancellationToken cancellationToken);

    /// <summary>Opens an issue; returns its number.</summary>
    Task<int> CreateIssueAsync(RepoRef repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <summary>Replaces the issue's body.</summary>
    Task EditIssueBodyAsync(IssueRef issue, string body, CancellationToken cancellationToken);
}
