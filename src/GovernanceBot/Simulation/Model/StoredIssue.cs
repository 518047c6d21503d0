namespace GovernanceBot.Simulation.Model;

/// <summary>An issue (or pull request) as the model holds it: its labels, event log and comments.</summary>
internal sealed class StoredIssue(RepoKey repo, int number, long id, string title, string author, DateTimeOffset createdAt)
{
    public RepoKey Repo { get; } = repo;

    public int Number { get; } = number;

    public long Id { get; } = id;

    public string Title { get; } = title;

    public string Author { get; } = author;

    public DateTimeOffset CreatedAt { get; set; } = createdAt;

    public bool IsOpen { get; set; } = true;

    /// <summary>The issue's description (empty for the issues tests give; set for the ones the App opens).</summary>
    public string Body { get; set; } = "";

    /// <summary>When the body was last edited after the issue was opened (GraphQL's <c>lastEditedAt</c>; a title edit leaves it), or null.</summary>
    public DateTimeOffset? BodyEditedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsPullRequest { get; set; }

    public bool IsLocked { get; set; }

    /// <summary>The pull request's own part (commits, files, merged), or null for an issue and for a pull request given without one.</summary>
    public StoredPullRequest? Pull { get; set; }

    public List<string> Labels { get; } = [];

    public List<StoredEvent> Events { get; } = [];

    public List<StoredComment> Comments { get; } = [];
}
