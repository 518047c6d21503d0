using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.GitHub;
using GovernanceBot.Tests.Host;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Hostile;

/// <summary>
/// An installation made before the App asked for Checks: write and Pull requests: read has neither until an owner
/// accepts them; GitHub answers 403 "Resource not accessible by integration". The process on a pull request still runs.
/// </summary>
[Trait("Category", "Hostile")]
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class MissingPermissionTests : IDisposable
{
    private const string Repo = Given.Repo;
    private const string NotAccessible = """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/checks/runs#create-a-check-run","status":"403"}""";
    private static readonly IssueRef Pull = new(new RepoRef(Given.Installation, "octo-org", "rfcs"), Given.PullRequest);
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism wire;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly FakeGitHub github;
    private readonly AdapterUnderTest adapter;
    private readonly Reconciler reconciler;

    public MissingPermissionTests(GitHubBehindPrism wire)
    {
        this.wire = wire;
        github = wire.Fresh(clock).WithPullRequest();
        github.AddLabel(Repo, Given.PullRequest, "rfc", "dana");
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        reconciler = new Reconciler(adapter.GitHub, clock, NullLogger<Reconciler>.Instance);
    }

    public void Dispose() => adapter.Dispose();

    [Fact]
    public async Task Without_checks_write_the_process_runs_and_the_check_is_written_once_the_permission_is_granted()
    {
        github.Interfere(HttpMethod.Post, "/check-runs", new FakeFault(403, NotAccessible));

        var refused = await reconciler.ReconcileAsync(Pull, CancellationToken.None);
        var granted = await reconciler.ReconcileAsync(Pull, CancellationToken.None);

        Assert.Contains("governance/discussion", github.Labels(Repo, Given.PullRequest));
        Assert.DoesNotContain(refused.Changes, c => c.Contains("governance check", StringComparison.Ordinal));
        Assert.Contains(granted.Changes, c => c.StartsWith("created the governance check", StringComparison.Ordinal));
        Assert.Equal("in_progress", github.HeadCheck(Repo, Given.PullRequest)!.Status);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task Without_pull_requests_read_the_process_runs_as_on_an_issue_without_a_check()
    {
        github.Interfere(HttpMethod.Get, $"/pulls/{Given.PullRequest}", new FakeFault(403, NotAccessible));

        var result = await reconciler.ReconcileAsync(Pull, CancellationToken.None);

        Assert.Equal("discussion", result.Decision!.Outcome);
        Assert.Contains("governance/discussion", github.Labels(Repo, Given.PullRequest));
        Assert.Null(result.Check);
        Assert.Null(github.HeadCheck(Repo, Given.PullRequest));
        wire.Prism.AssertNoViolations(responsesToo: false);
    }
}
