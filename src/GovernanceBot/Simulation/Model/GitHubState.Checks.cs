namespace GovernanceBot.Simulation.Model;

/// <summary>Check runs on commits: created, updated and found by commit and name, as the Checks API does.</summary>
internal sealed partial class GitHubState
{
    public List<StoredCheckRun> CheckRuns { get; } = [];

    public StoredCheckRun CreateCheckRun(RepoKey repo, string headSha, string name, string appSlug)
    {
        var run = new StoredCheckRun(NextResourceId(), repo, headSha, name, appSlug, Now());
        CheckRuns.Add(run);
        return run;
    }

    /// <summary>Sets what the run shows; a run that becomes completed gets its completion time.</summary>
    public void ShowOnCheckRun(StoredCheckRun run, string status, string? conclusion, string? title, string? summary, string? detailsUrl)
    {
        run.Status = status;
        run.Conclusion = status == "completed" ? conclusion : null;
        run.CompletedAt = status == "completed" ? run.CompletedAt ?? Now() : null;
        run.Title = title;
        run.Summary = summary;
        run.DetailsUrl = detailsUrl;
    }

    public StoredCheckRun? CheckRun(RepoKey repo, long id) => CheckRuns.FirstOrDefault(r => r.Id == id && r.Repo == repo);

    /// <summary>
    /// The check runs on <paramref name="sha"/>, newest first; with <paramref name="latestOnly"/> (GitHub's default
    /// <c>filter=latest</c>) only the newest of each name and App.
    /// </summary>
    public IEnumerable<StoredCheckRun> CheckRunsOn(RepoKey repo, string sha, string? name = null, bool latestOnly = true)
    {
        var runs = CheckRuns
            .Where(r => r.Repo == repo && string.Equals(r.HeadSha, sha, StringComparison.OrdinalIgnoreCase))
            .Where(r => name is null || string.Equals(r.Name, name, StringComparison.Ordinal))
            .OrderByDescending(r => r.Id);
        return latestOnly ? runs.DistinctBy(r => (r.Name, r.AppSlug)) : runs;
    }
}
