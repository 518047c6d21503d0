namespace GovernanceBot.Simulation.Model;

/// <summary>What a pull request has beyond its issue: its commits (the last is the head), the paths it changes, and whether it was merged.</summary>
internal sealed class StoredPullRequest
{
    public List<StoredCommit> Commits { get; } = [];

    public List<string> Files { get; } = [];

    public string HeadSha => Commits[^1].Sha;

    public bool Merged { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public string? MergedBy { get; set; }
}

/// <summary>A commit of a pull request: its SHA (40 hex digits), author, committer date and message.</summary>
internal sealed record StoredCommit(string Sha, string Author, DateTimeOffset At, string Message);
