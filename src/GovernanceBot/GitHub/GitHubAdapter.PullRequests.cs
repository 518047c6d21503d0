using System.Net;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.GitHub;

/// <summary>
/// Pull requests and the App's check run. Reads are conditional like every GET (<see cref="GitHubResponseCache"/>):
/// a pull request, its commits or files, or the check runs of a commit that did not change cost no rate limit.
/// Check runs are written with the fields GitHub's body names.
/// </summary>
internal sealed partial class GitHubAdapter
{
    public async Task<PullRequestSnapshot?> GetPullRequestAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        GitHubPullRequest found;
        try
        {
            found = await Rest.GetAsync(Credential(pullRequest.Repo), PullPath(pullRequest, ""), Json.GitHubPullRequest, cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return new PullRequestSnapshot(found.Number, found.Head?.Sha ?? "", found.State == "open", found.Merged, found.MergedAt, found.MergedBy?.Login);
    }

    public async Task<IReadOnlyList<PullRequestCommit>> GetPullRequestCommitsAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        var commits = await Rest.GetAllAsync(Credential(pullRequest.Repo), PullPath(pullRequest, "/commits"), Json.ListGitHubPullRequestCommit, cancellationToken);
        return [.. commits.Select(c => new PullRequestCommit(c.Sha, PushedAt: null, c.Commit?.Committer?.Date ?? c.Commit?.Author?.Date ?? DateTimeOffset.MinValue, Headline(c.Commit?.Message), c.HtmlUrl ?? ""))];
    }

    public async Task<IReadOnlyList<string>> GetPullRequestFilesAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        var files = await Rest.GetAllAsync(Credential(pullRequest.Repo), PullPath(pullRequest, "/files"), Json.ListGitHubPullRequestFile, cancellationToken);

        // A rename moves a file out of a path as much as into another: both paths are touched.
        return [.. files
            .SelectMany(f => string.IsNullOrEmpty(f.PreviousFilename) ? [f.Filename] : new[] { f.Filename, f.PreviousFilename })
            .Distinct(StringComparer.Ordinal)];
    }

    public async Task<CheckRunSnapshot?> FindCheckRunAsync(RepoRef repo, string headSha, string name, CancellationToken cancellationToken)
    {
        var me = (await GetBotLoginAsync(cancellationToken)).Replace("[bot]", "", StringComparison.Ordinal);

        // GitHub's default filter=latest: the newest run of each name, so one per App at most.
        var found = await Rest.GetAsync(Credential(repo), $"{RepoPath(repo)}/commits/{Escape(headSha)}/check-runs?check_name={Escape(name)}", Json.GitHubCheckRuns, cancellationToken);
        var run = (found.CheckRuns ?? []).FirstOrDefault(r => r.App is null || string.Equals(r.App.Slug, me, StringComparison.OrdinalIgnoreCase));
        return run is null
            ? null
            : new CheckRunSnapshot(
                run.Id,
                run.HeadSha ?? "",
                new CheckRunSpec(
                    CheckRunSpec.ParseStatus(run.Status ?? ""),
                    CheckRunSpec.ParseConclusion(run.Conclusion),
                    run.Output?.Title ?? "",
                    run.Output?.Summary ?? "",
                    run.DetailsUrl));
    }

    public async Task<long> CreateCheckRunAsync(RepoRef repo, string headSha, string name, CheckRunSpec check, CancellationToken cancellationToken)
    {
        var created = await Rest.SendAsync(Credential(repo), HttpMethod.Post, $"{RepoPath(repo)}/check-runs", Body(CheckRunBodyOf(check, name, headSha), Json.CheckRunBody), Json.GitHubCreated, cancellationToken);
        return created.Id;
    }

    public Task UpdateCheckRunAsync(RepoRef repo, long checkRunId, CheckRunSpec check, CancellationToken cancellationToken) =>
        Rest.SendAsync(Credential(repo), HttpMethod.Patch, $"{RepoPath(repo)}/check-runs/{checkRunId}", Body(CheckRunBodyOf(check, name: null, headSha: null), Json.CheckRunBody), cancellationToken);

    /// <summary>What a check run shows, as GitHub's body names it; a conclusion and completion time only when completed.</summary>
    private CheckRunBody CheckRunBodyOf(CheckRunSpec check, string? name, string? headSha)
    {
        var completed = check.Status == CheckRunStatus.Completed;
        return new CheckRunBody(
            name,
            headSha,
            check.StatusName,
            new GitHubCheckOutput(check.Title, check.Summary),
            check.DetailsUrl,
            completed ? check.ConclusionName ?? "neutral" : null,
            completed ? _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The first line of a commit message.</summary>
    internal static string Headline(string? message) => (message ?? "").Split('\n', 2)[0].TrimEnd('\r');

    private static string PullPath(IssueRef pullRequest, string rest) => $"{RepoPath(pullRequest.Repo)}/pulls/{pullRequest.Number}{rest}";
}
