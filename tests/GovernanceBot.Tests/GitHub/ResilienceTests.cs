using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Octokit;

namespace GovernanceBot.Tests.GitHub;

/// <summary>Retries against the fake directly (no Prism: stalled answers would only slow it down), on a clock whose waits pass at once.</summary>
public sealed class ResilienceTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private const string IssuePath = "/repos/octo-org/rfcs/issues/12";
    private static readonly IssueRef Issue = new(new RepoRef(7, "octo-org", "rfcs"), 12);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly SteppingClock clock = new();
    private readonly FakeGitHub github;
    private readonly AdapterUnderTest adapter;

    public ResilienceTests()
    {
        github = new FakeGitHub(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        github.GivenIssue(Repo, 12, "RFC", "dana", "rfc");
        adapter = new AdapterUnderTest(github.Url, clock, resilience: r => r.AttemptTimeout = TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_second_answer_is_used()
    {
        github.FailNext(HttpMethod.Get, IssuePath, 500);

        var issue = await adapter.GitHub.GetIssueAsync(Issue, Ct);

        Assert.Equal("RFC", issue?.Title);
        Assert.Equal(2, IssueReads());
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Waits);
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_as_long_as_Retry_After_says()
    {
        github.FailNext(HttpMethod.Get, IssuePath, 403, ("Retry-After", "7"));

        Assert.NotNull(await adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(2, IssueReads());
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
    }

    [Fact]
    public async Task An_exhausted_rate_limit_waits_until_x_ratelimit_reset()
    {
        var reset = clock.GetUtcNow().AddSeconds(42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        github.FailNext(HttpMethod.Get, IssuePath, 429, ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset));

        Assert.NotNull(await adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(2, IssueReads());
        Assert.Equal([TimeSpan.FromSeconds(43)], clock.Waits); // the reset second, plus one for clock skew
    }

    [Fact]
    public async Task A_request_that_times_out_is_tried_again()
    {
        github.Interfere(HttpMethod.Get, IssuePath, new FakeFault(Delay: TimeSpan.FromSeconds(5)));

        Assert.NotNull(await adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(2, IssueReads());
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_reported()
    {
        github.Interfere(HttpMethod.Get, IssuePath, new FakeFault(502), times: 10);

        var error = await Assert.ThrowsAsync<ApiException>(() => adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(4, IssueReads());
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Waits);
    }

    [Fact]
    public async Task A_wait_longer_than_the_maximum_is_not_sat_out_but_reported()
    {
        github.FailNext(HttpMethod.Get, IssuePath, 403, ("Retry-After", "3600"));

        await Assert.ThrowsAnyAsync<ApiException>(() => adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(1, IssueReads());
    }

    [Fact]
    public async Task A_permission_error_is_not_retried()
    {
        github.Interfere(HttpMethod.Get, IssuePath, new FakeFault(403, Body: """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest"}"""));

        await Assert.ThrowsAsync<ForbiddenException>(() => adapter.GitHub.GetIssueAsync(Issue, Ct));

        Assert.Equal(1, IssueReads());
    }

    [Fact]
    public async Task Label_writes_are_retried_after_a_server_error()
    {
        github.FailNext(HttpMethod.Post, IssuePath + "/labels", 500);
        github.FailNext(HttpMethod.Delete, IssuePath + "/labels/rfc", 503);

        await adapter.GitHub.AddLabelAsync(Issue, "governance/voting", Ct);
        await adapter.GitHub.RemoveLabelAsync(Issue, "rfc", Ct);

        Assert.Equal(["governance/voting"], github.Labels(Repo, 12));
    }

    [Fact]
    public async Task A_comment_whose_answer_times_out_after_GitHub_stored_it_is_not_posted_twice()
    {
        const string body = "<!-- governance-bot:status -->\nVoting is open.";
        github.Interfere(HttpMethod.Post, IssuePath + "/comments", new FakeFault(Delay: TimeSpan.FromSeconds(5)));

        var id = await adapter.GitHub.PostCommentAsync(Issue, body, Ct);

        var posted = Assert.Single(github.PostedComments());
        Assert.Equal((id, body), (posted.Id, posted.Body));
        Assert.Single(github.Requests(), r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comment_whose_answer_is_lost_after_GitHub_stored_it_is_not_posted_twice()
    {
        const string body = "<!-- governance-bot:reply:1001 -->\nYour vote was counted.";
        github.Interfere(HttpMethod.Post, IssuePath + "/comments", new FakeFault(502, AfterHandling: true));

        var id = await adapter.GitHub.PostCommentAsync(Issue, body, Ct);

        Assert.Equal(id, Assert.Single(github.PostedComments()).Id);
    }

    [Fact]
    public async Task A_comment_GitHub_refused_before_storing_is_posted_once_after_checking()
    {
        const string body = "<!-- governance-bot:status -->\nVoting is open.";
        github.FailNext(HttpMethod.Post, IssuePath + "/comments", 403, ("Retry-After", "5"));

        var id = await adapter.GitHub.PostCommentAsync(Issue, body, Ct);

        Assert.Equal(id, Assert.Single(github.PostedComments()).Id);
        Assert.Equal(2, github.Requests().Count(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal)));
        Assert.Equal([TimeSpan.FromSeconds(5)], clock.Waits);
    }

    [Fact]
    public async Task A_comment_without_a_marker_is_never_retried()
    {
        github.FailNext(HttpMethod.Post, IssuePath + "/comments", 500);

        await Assert.ThrowsAsync<ApiException>(() => adapter.GitHub.PostCommentAsync(Issue, "no marker here", Ct));

        Assert.Empty(github.PostedComments());
        Assert.Single(github.Requests(), r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_call_stops_without_retrying()
    {
        using var cts = new CancellationTokenSource();
        github.Interfere(HttpMethod.Get, IssuePath, new FakeFault(Delay: TimeSpan.FromSeconds(5)));
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapter.GitHub.GetIssueAsync(Issue, cts.Token));

        Assert.Equal(1, IssueReads());
    }

    public void Dispose()
    {
        adapter.Dispose();
        github.Dispose();
    }

    private int IssueReads() => github.Requests().Count(r => r.Method == "GET" && r.Path == IssuePath);
}
