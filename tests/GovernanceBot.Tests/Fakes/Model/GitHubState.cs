namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>
/// The one model of GitHub behind <see cref="FakeGitHub"/>: the App, its installations and tokens, repositories with
/// their files, labels and issues, issues with their comments (and edit history), labels and events, organisation
/// teams. Split by resource into partial files (Issues, Comments, Labels, Installations, Contents, Teams); the wire
/// handlers only translate HTTP to these operations and their results to GitHub's JSON. Writes change the state as
/// GitHub would: ids from one sequence, times from the clock, a labeled/unlabeled event for each label change.
/// Not thread-safe: callers hold the fake's lock.
/// </summary>
internal sealed partial class GitHubState(TimeProvider time)
{
    private long lastId = 1000;

    public string AppSlug { get; set; } = FakeGitHub.DefaultAppSlug;

    public long AppId { get; set; } = 1;

    /// <summary>The login GitHub shows for the App's own comments.</summary>
    public string BotLogin => AppSlug + "[bot]";

    /// <summary>Repositories that answer every request with a status (410 gone, 404, 403), see <see cref="FakeGitHub.GivenRepositoryAnswers"/>.</summary>
    public Dictionary<RepoKey, int> RepositoryStatus { get; } = [];

    public DateTimeOffset Now() => time.GetUtcNow();

    public long NextId() => ++lastId;
}
