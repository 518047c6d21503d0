using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.Processing;

/// <summary>The reconciler on a pull request, against the in-memory GitHub: the governance check follows the process, written only when it changes.</summary>
public sealed class PullRequestReconcilerTests
{
    private static readonly RepoRef Repo = new(1, "acme", "widgets");
    private static readonly IssueRef Pull = new(Repo, 9);
    private static readonly IssueRef Issue = new(Repo, 7);

    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryGitHub _github;
    private readonly CountingGitHub _counted;
    private readonly Reconciler _reconciler;

    public PullRequestReconcilerTests()
    {
        _github = new InMemoryGitHub(_clock);
        _counted = new CountingGitHub(_github);
        _reconciler = new Reconciler(_counted, _clock, NullLogger<Reconciler>.Instance);
        _github.SetFile("acme", "widgets", Reconciler.ConfigPath, "tsc: { members: [alice, bob, carol] }\n");
        _github.CreatePullRequest(Repo, 9, "RFC: plugins", "dana", "docs/plugins.md");
        _github.CreateIssue(Repo, 7, "RFC: themes", "dana");
    }

    private int CheckWrites => _counted.Calls.GetValueOrDefault("CreateCheckRun") + _counted.Calls.GetValueOrDefault("UpdateCheckRun");

    [Fact]
    public async Task A_labeled_pull_request_gets_an_in_progress_check_and_a_second_run_writes_nothing()
    {
        _github.AsUserAddLabel(Pull, "rfc", "dana");

        var first = await _reconciler.ReconcileAsync(Pull, CancellationToken.None);
        var writes = CheckWrites;
        var second = await _reconciler.ReconcileAsync(Pull, CancellationToken.None);

        var check = _github.HeadCheck(Pull);
        Assert.NotNull(check);
        Assert.Equal(CheckRunStatus.InProgress, check.Shown.Status);
        Assert.StartsWith("Discussion", check.Shown.Title, StringComparison.Ordinal);
        Assert.NotNull(first.Decision!.StatusComment);
        Assert.Equal(_github.GetIssue(Pull).Comments[0].Url, check.Shown.DetailsUrl);
        Assert.Equal(1, writes);
        Assert.Equal(writes, CheckWrites);
        Assert.False(second.Changed, string.Join("; ", second.Changes));
    }

    [Fact]
    public async Task An_issue_reads_no_pull_request_and_gets_no_check()
    {
        _github.AsUserAddLabel(Issue, "rfc", "dana");

        var result = await _reconciler.ReconcileAsync(Issue, CancellationToken.None);

        Assert.Null(result.Check);
        Assert.Equal(0, _counted.Calls.GetValueOrDefault("GetPullRequest") + _counted.Calls.GetValueOrDefault("GetPullRequestCommits") + _counted.Calls.GetValueOrDefault("GetPullRequestFiles") + _counted.Calls.GetValueOrDefault("FindCheckRun"));
        Assert.Equal(0, CheckWrites);
    }

    [Fact]
    public async Task A_push_puts_the_same_check_on_the_new_head_at_once()
    {
        _github.AsUserAddLabel(Pull, "rfc", "dana");
        await _reconciler.ReconcileAsync(Pull, CancellationToken.None);
        var oldHead = _github.GetPullRequest(Pull).HeadSha;

        _clock.MoveTo(_clock.GetUtcNow() + TimeSpan.FromHours(1));
        var newHead = _github.AsUserPush(Pull, "dana");
        var result = await _reconciler.ReconcileAsync(Pull, CancellationToken.None);

        Assert.NotEqual(oldHead, newHead);
        Assert.Contains(result.Changes, c => c.StartsWith($"created the governance check", StringComparison.Ordinal) && c.Contains(newHead[..7], StringComparison.Ordinal));
        Assert.Equal(CheckRunStatus.InProgress, _github.HeadCheck(Pull)!.Shown.Status);
    }

    [Fact]
    public async Task A_decided_vote_completes_the_check_with_its_conclusion()
    {
        _github.AsUserAddLabel(Pull, "rfc", "dana");
        await _reconciler.ReconcileAsync(Pull, CancellationToken.None);
        _clock.MoveTo(_clock.GetUtcNow() + TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        await _reconciler.ReconcileAsync(Pull, CancellationToken.None);
        foreach (var login in new[] { "alice", "bob", "carol" }) _github.AsUserComment(Pull, "/vote +1", login);

        await _reconciler.ReconcileAsync(Pull, CancellationToken.None);

        var check = _github.HeadCheck(Pull)!.Shown;
        Assert.Equal((CheckRunStatus.Completed, CheckRunConclusion.Success), (check.Status, check.Conclusion));
        Assert.StartsWith("Approved", check.Title, StringComparison.Ordinal);
    }
}
