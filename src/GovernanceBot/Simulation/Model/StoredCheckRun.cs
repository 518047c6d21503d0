namespace GovernanceBot.Simulation.Model;

/// <summary>A check run on a commit, with GitHub's names for its status (<c>in_progress</c>...) and conclusion (<c>success</c>...).</summary>
internal sealed class StoredCheckRun(long id, RepoKey repo, string headSha, string name, string appSlug, DateTimeOffset startedAt)
{
    public long Id { get; } = id;

    public RepoKey Repo { get; } = repo;

    public string HeadSha { get; } = headSha;

    public string Name { get; } = name;

    /// <summary>The App that made it: only its own check runs are the App's to update.</summary>
    public string AppSlug { get; } = appSlug;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? DetailsUrl { get; set; }
}
