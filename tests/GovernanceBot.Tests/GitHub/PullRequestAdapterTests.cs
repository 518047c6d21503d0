using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>The pull-request and check-run calls of <see cref="IGitHub"/>, through Prism: right results, and requests GitHub's REST description accepts.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class PullRequestAdapterTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private static readonly RepoRef RepoRef = new(7, "octo-org", "rfcs");
    private static readonly IssueRef Pull = new(RepoRef, 21);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CheckRunSpec Voting = new(CheckRunStatus.InProgress, null, "Voting: 1 of 3 voted", "Voting ends 2025-03-08 09:00 UTC.", "https://github.com/octo-org/rfcs/pull/21#issuecomment-1");
    private static readonly CheckRunSpec Approved = new(CheckRunStatus.Completed, CheckRunConclusion.Success, "Approved", "3 of 3 votes are +1.", "https://github.com/octo-org/rfcs/pull/21#issuecomment-1");

    private readonly GitHubBehindPrism wire;
    private readonly FakeGitHub github;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AdapterUnderTest adapter;

    public PullRequestAdapterTests(GitHubBehindPrism wire)
    {
        this.wire = wire;
        github = wire.Fresh(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
    }

    private IGitHub GitHub => adapter.GitHub;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_pull_request_is_read_with_its_head_and_merge_state_and_an_issue_is_no_pull_request()
    {
        github.GivenPullRequestChanging(Repo, 21, "Amend GOVERNANCE.md", "erin", ["GOVERNANCE.md"], "governance-amendment");
        github.GivenIssue(Repo, 12, "RFC", "dana");
        var head = github.HeadSha(Repo, 21);

        var open = await GitHub.GetPullRequestAsync(Pull, Ct);
        clock.Advance(TimeSpan.FromHours(1));
        github.Merge(Repo, 21, "alice");
        var merged = await GitHub.GetPullRequestAsync(Pull, Ct);

        Assert.Equal(new PullRequestSnapshot(21, head, IsOpen: true, Merged: false, MergedAt: null), open);
        Assert.Equal(new PullRequestSnapshot(21, head, IsOpen: false, Merged: true, MergedAt: Start + TimeSpan.FromHours(1), MergedBy: "alice"), merged);
        Assert.Null(await GitHub.GetPullRequestAsync(new IssueRef(RepoRef, 12), Ct));
        Assert.Null(await GitHub.GetPullRequestAsync(new IssueRef(RepoRef, 404), Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Commits_and_changed_files_are_read_across_pages()
    {
        github.GivenPullRequestChanging(Repo, 21, "Big change", "erin", [.. Enumerable.Range(1, 130).Select(i => $"docs/page{i}.md")]);
        clock.Advance(TimeSpan.FromHours(2));
        github.Push(Repo, 21, "erin", commits: 104, "GOVERNANCE.md");

        var commits = await GitHub.GetPullRequestCommitsAsync(Pull, Ct);
        var files = await GitHub.GetPullRequestFilesAsync(Pull, Ct);

        Assert.Equal(github.CommitShas(Repo, 21), commits.Select(c => c.Sha));
        Assert.Equal(105, commits.Count);
        Assert.Equal((Start + TimeSpan.FromHours(2), "Update (104)", null), (commits[^1].CommittedAt, commits[^1].Headline, commits[^1].PushedAt));
        Assert.Equal(131, files.Count);
        Assert.Equal("GOVERNANCE.md", files[^1]);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task The_governance_check_is_created_found_by_commit_and_name_and_updated()
    {
        github.GivenPullRequest(Repo, 21, "Amend", "erin");
        var head = github.HeadSha(Repo, 21);

        Assert.Null(await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct));
        var id = await GitHub.CreateCheckRunAsync(RepoRef, head, "governance", Voting, Ct);
        var found = await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct);
        await GitHub.UpdateCheckRunAsync(RepoRef, id, Approved, Ct);
        var completed = await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct);

        Assert.Equal(new CheckRunSnapshot(id, head, Voting), found);
        Assert.Equal(new CheckRunSnapshot(id, head, Approved), completed);
        var run = Assert.Single(github.CheckRuns(Repo, head));
        Assert.Equal(("completed", "success", "Approved", "governance-bot"), (run.Status, run.Conclusion, run.Title, run.App));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Another_apps_check_of_the_same_name_is_not_ours()
    {
        github.GivenPullRequest(Repo, 21, "Amend", "erin");
        var head = github.HeadSha(Repo, 21);
        github.GivenForeignCheckRun(Repo, head, "governance", "someone-elses-app", "completed", "success");

        Assert.Null(await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Reading_an_unchanged_pull_request_or_check_again_is_a_conditional_request_that_costs_nothing()
    {
        github.GivenPullRequest(Repo, 21, "Amend", "erin");

        var head = github.HeadSha(Repo, 21);

        await GitHub.GetPullRequestAsync(Pull, Ct);
        await GitHub.GetPullRequestFilesAsync(Pull, Ct);
        await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct);
        await GitHub.GetPullRequestAsync(Pull, Ct);
        await GitHub.GetPullRequestFilesAsync(Pull, Ct);
        await GitHub.FindCheckRunAsync(RepoRef, head, "governance", Ct);

        var reads = github.Exchanges()
            .Where(e => e.Request.Path.Contains("/pulls/", StringComparison.Ordinal) || e.Request.Path.EndsWith("/check-runs", StringComparison.Ordinal))
            .Select(e => e.Status)
            .ToList();
        Assert.Equal([200, 200, 200, 304, 304, 304], reads);
        wire.Prism.AssertNoViolations();
    }

    public void Dispose() => adapter.Dispose();
}
