using System.Text.Json.Nodes;
using Octokit;
using PullRequestCommit = GovernanceBot.Domain.Lifecycle.PullRequestCommit;

namespace GovernanceBot.GitHub;

/// <summary>
/// Pull requests and the App's check run. Reads are conditional like every GET (<see cref="GitHubResponseCache"/>):
/// a pull request, its commits or files, or the check runs of a commit that did not change cost no rate limit.
/// Check runs are written with explicit JSON bodies, as the other writes are.
/// </summary>
internal sealed partial class OctokitGitHub
{
    public async Task<PullRequestSnapshot?> GetPullRequestAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        var api = Api(pullRequest.Repo);
        Octokit.PullRequest found;
        try
        {
            found = await GitHubCallContext.RunAsync(cancellationToken, () => api.Get<Octokit.PullRequest>(PullPath(pullRequest, ""), null, Accept));
        }
        catch (NotFoundException)
        {
            return null;
        }

        return new PullRequestSnapshot(found.Number, found.Head.Sha, found.State.StringValue == "open", found.Merged, found.MergedAt, found.MergedBy?.Login);
    }

    public async Task<IReadOnlyList<PullRequestCommit>> GetPullRequestCommitsAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        var api = Api(pullRequest.Repo);
        var commits = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.GetAll<Octokit.PullRequestCommit>(PullPath(pullRequest, "/commits"), AllPages));
        return commits
            .Select(c => new PullRequestCommit(c.Sha, PushedAt: null, c.Commit?.Committer?.Date ?? c.Commit?.Author?.Date ?? DateTimeOffset.MinValue, Headline(c.Commit?.Message), c.HtmlUrl))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> GetPullRequestFilesAsync(IssueRef pullRequest, CancellationToken cancellationToken)
    {
        var api = Api(pullRequest.Repo);
        var files = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.GetAll<PullRequestFile>(PullPath(pullRequest, "/files"), AllPages));

        // A rename moves a file out of a path as much as into another: both paths are touched.
        return files
            .SelectMany(f => string.IsNullOrEmpty(f.PreviousFileName) ? [f.FileName] : new[] { f.FileName, f.PreviousFileName })
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public async Task<CheckRunSnapshot?> FindCheckRunAsync(RepoRef repo, string headSha, string name, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var me = (await GetBotLoginAsync(cancellationToken)).Replace("[bot]", "", StringComparison.Ordinal);

        // GitHub's default filter=latest: the newest run of each name, so one per App at most.
        var found = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Get<CheckRunsResponse>(Relative($"{RepoPath(repo)}/commits/{Escape(headSha)}/check-runs?check_name={Escape(name)}"), null, Accept));
        var run = found.CheckRuns.FirstOrDefault(r => r.App is null || string.Equals(r.App.Slug, me, StringComparison.OrdinalIgnoreCase));
        return run is null
            ? null
            : new CheckRunSnapshot(
                run.Id,
                run.HeadSha,
                new CheckRunSpec(
                    CheckRunSpec.ParseStatus(run.Status.StringValue),
                    CheckRunSpec.ParseConclusion(run.Conclusion?.StringValue),
                    run.Output?.Title ?? "",
                    run.Output?.Summary ?? "",
                    run.DetailsUrl));
    }

    public async Task<long> CreateCheckRunAsync(RepoRef repo, string headSha, string name, CheckRunSpec check, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var body = CheckRunBody(check);
        body["name"] = name;
        body["head_sha"] = headSha;
        var created = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Post<CheckRun>(Relative($"{RepoPath(repo)}/check-runs"), Json(body), Accept, JsonMediaType, cancellationToken));
        return created.Id;
    }

    public Task UpdateCheckRunAsync(RepoRef repo, long checkRunId, CheckRunSpec check, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        return GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Patch<CheckRun>(Relative($"{RepoPath(repo)}/check-runs/{checkRunId}"), Json(CheckRunBody(check)), Accept));
    }

    /// <summary>What a check run shows, as GitHub's body names it; a conclusion and completion time only when completed.</summary>
    private JsonObject CheckRunBody(CheckRunSpec check)
    {
        var body = new JsonObject
        {
            ["status"] = check.StatusName,
            ["output"] = new JsonObject { ["title"] = check.Title, ["summary"] = check.Summary },
        };
        if (check.DetailsUrl is { } details) body["details_url"] = details;
        if (check.Status == CheckRunStatus.Completed)
        {
            body["conclusion"] = check.ConclusionName ?? "neutral";
            body["completed_at"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return body;
    }

    /// <summary>The first line of a commit message.</summary>
    internal static string Headline(string? message) => (message ?? "").Split('\n', 2)[0].TrimEnd('\r');

    private static Uri PullPath(IssueRef pullRequest, string rest) => Relative($"{RepoPath(pullRequest.Repo)}/pulls/{pullRequest.Number}{rest}");
}
