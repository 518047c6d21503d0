using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Simulation.Model;

namespace GovernanceBot.Simulation;

/// <summary>Pull requests and check runs in memory: people open, push to and merge pull requests; the bot reads them and keeps its check run.</summary>
public sealed partial class InMemoryGitHub
{
    private string AppSlug => botLogin.EndsWith("[bot]", StringComparison.Ordinal) ? botLogin[..^"[bot]".Length] : botLogin;

    /// <summary>A pull request as it stands: its head, whether it was merged, and the check runs on its head.</summary>
    public sealed record PullRequest(int Number, string HeadSha, bool IsOpen, bool Merged, IReadOnlyList<string> Commits, IReadOnlyList<string> Files);

    // ---- Setup and people's actions --------------------------------------------------------------

    /// <summary>An open pull request with one commit by <paramref name="author"/> changing <paramref name="files"/>.</summary>
    public Issue CreatePullRequest(RepoRef repo, int number, string title, string author, params string[] files)
    {
        lock (_gate) return View(_state.AddPullRequest(Key(repo), number, title, author, [], files));
    }

    public PullRequest GetPullRequest(IssueRef pullRequest)
    {
        lock (_gate)
        {
            var issue = Stored(pullRequest);
            var pull = GitHubState.PullOf(issue);
            return new PullRequest(issue.Number, pull.HeadSha, issue.IsOpen, pull.Merged, [.. pull.Commits.Select(c => c.Sha)], [.. pull.Files]);
        }
    }

    /// <summary><paramref name="by"/> pushes <paramref name="commits"/> commits (touching <paramref name="files"/>); returns the new head SHA.</summary>
    public string AsUserPush(IssueRef pullRequest, string by, int commits = 1, params string[] files)
    {
        lock (_gate) return _state.Push(Stored(pullRequest), by, commits, files);
    }

    public void AsUserMerge(IssueRef pullRequest, string by)
    {
        lock (_gate) _state.Merge(Stored(pullRequest), by);
    }

    /// <summary>The App's <c>governance</c> check run on the pull request's head now, as GitHub would show it, or null.</summary>
    public CheckRunSnapshot? HeadCheck(IssueRef pullRequest, string name = CheckRunView.Name)
    {
        lock (_gate)
        {
            return OwnRun(pullRequest.Repo, GitHubState.PullOf(Stored(pullRequest)).HeadSha, name);
        }
    }

    /// <summary>This App's check run <paramref name="name"/> on <paramref name="sha"/>, as a snapshot; the caller holds the gate.</summary>
    private CheckRunSnapshot? OwnRun(RepoRef repo, string sha, string name) =>
        _state.CheckRunsOn(Key(repo), sha, name).FirstOrDefault(r => r.AppSlug == AppSlug) is { } run ? Snapshot(run) : null;

    // ---- IGitHub ----------------------------------------------------------------------------------

    public Task<PullRequestSnapshot?> GetPullRequestAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Read(() => _state.Issues.TryGetValue((Key(pullRequest.Repo), pullRequest.Number), out var i) && i.Pull is { } pull
            ? new PullRequestSnapshot(i.Number, pull.HeadSha, i.IsOpen, pull.Merged, pull.MergedAt, pull.MergedBy)
            : null);

    public Task<IReadOnlyList<PullRequestCommit>> GetPullRequestCommitsAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<PullRequestCommit>)[.. GitHubState.PullOf(Stored(pullRequest)).Commits.Select(c => new PullRequestCommit(c.Sha, c.At, c.At, c.Message, $"https://github.example/commit/{c.Sha}"))]);

    public Task<IReadOnlyList<string>> GetPullRequestFilesAsync(IssueRef pullRequest, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<string>)[.. GitHubState.PullOf(Stored(pullRequest)).Files]);

    public Task<CheckRunSnapshot?> FindCheckRunAsync(RepoRef repo, string headSha, string name, CancellationToken cancellationToken) =>
        Read(() => OwnRun(repo, headSha, name));

    public Task<long> CreateCheckRunAsync(RepoRef repo, string headSha, string name, CheckRunSpec check, CancellationToken cancellationToken) =>
        Write("CreateCheckRun", null, () =>
        {
            var run = _state.CreateCheckRun(Key(repo), headSha, name, AppSlug);
            _state.ShowOnCheckRun(run, check.StatusName, check.ConclusionName, check.Title, check.Summary, check.DetailsUrl);
            return (run.Id, $"created check run {name} on {headSha[..7]}: {Describe(check)}");
        });

    public Task UpdateCheckRunAsync(RepoRef repo, long checkRunId, CheckRunSpec check, CancellationToken cancellationToken) =>
        Write("UpdateCheckRun", null, () =>
        {
            var run = _state.CheckRun(Key(repo), checkRunId) ?? throw new InvalidOperationException($"check run {checkRunId} does not exist in {repo}");
            _state.ShowOnCheckRun(run, check.StatusName, check.ConclusionName, check.Title, check.Summary, check.DetailsUrl);
            return (0, $"updated check run {run.Name} on {run.HeadSha[..7]}: {Describe(check)}");
        });

    private static string Describe(CheckRunSpec check) => $"{check.ConclusionName ?? check.StatusName}, “{check.Title}”";

    private static CheckRunSnapshot Snapshot(StoredCheckRun run) => new(
        run.Id,
        run.HeadSha,
        new CheckRunSpec(CheckRunSpec.ParseStatus(run.Status), CheckRunSpec.ParseConclusion(run.Conclusion), run.Title ?? "", run.Summary ?? "", run.DetailsUrl));
}
