namespace GovernanceBot.Simulation.Model;

/// <summary>
/// The one model of GitHub for <c>simulate</c> (<see cref="InMemoryGitHub"/>) and for the tests' wire fake: the App,
/// its installations and tokens, repositories with their files, labels and issues, issues with their comments (and
/// edit history), labels and events, organisation teams. Split by resource into partial files (Issues, Comments,
/// Labels, Installations, Contents, Teams); its users only translate their calls (<see cref="GovernanceBot.GitHub.IGitHub"/>, HTTP)
/// to these operations. Writes change the state as GitHub would: ids for comments and events from one sequence, times from the clock, a
/// labeled/unlabeled event for each label change, a label applied that the repository lacks is created.
/// Not thread-safe: callers hold their own lock.
/// </summary>
internal sealed partial class GitHubState(TimeProvider time)
{
    private long _lastId = 1000;
    private long _lastResourceId = 5000;

    public string AppSlug { get; set; } = "governance-bot";

    public long AppId { get; set; } = 1;

    /// <summary>The login GitHub shows for the App's own comments.</summary>
    public string BotLogin => AppSlug + "[bot]";

    /// <summary>Repositories that answer every request with a status (410 gone, 404, 403): the tests' hostile GitHub.</summary>
    public Dictionary<RepoKey, int> RepositoryStatus { get; } = [];

    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>The next id for a comment, an event or a token: one sequence, as the simulator has always numbered them.</summary>
    public long NextId() => ++_lastId;

    /// <summary>The next id for an issue or a label, which GitHub numbers apart from comments and events.</summary>
    public long NextResourceId() => ++_lastResourceId;
}
