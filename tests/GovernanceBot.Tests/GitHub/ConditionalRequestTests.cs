using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>
/// Conditional GETs through Octokit's <c>CachingHttpClient</c>: a read GitHub answers with 304 (no rate-limit cost)
/// gives back the first answer, while the budget follows the rate-limit headers of the 304 itself.
/// </summary>
public sealed class ConditionalRequestTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private const string IssuePath = "/repos/octo-org/rfcs/issues/12";
    private static readonly IssueRef Issue = new(new RepoRef(7, "octo-org", "rfcs"), 12);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeGitHub _github;
    private readonly AdapterUnderTest _adapter;

    public ConditionalRequestTests()
    {
        _github = new FakeGitHub(_clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        _github.GivenIssue(Repo, 12, "RFC", "dana", "rfc");
        _adapter = new AdapterUnderTest(_github.Url, _clock);
    }

    public void Dispose()
    {
        _adapter.Dispose();
        _github.Dispose();
    }

    [Fact]
    public async Task An_unchanged_read_is_answered_304_and_gives_back_the_first_answer()
    {
        var first = await _adapter.GitHub.GetIssueAsync(Issue, Ct);
        var second = await _adapter.GitHub.GetIssueAsync(Issue, Ct);

        Assert.Equal([200, 304], IssueReadStatuses());
        Assert.Equal((first?.Title, first?.Author, first?.IsOpen), (second?.Title, second?.Author, second?.IsOpen));
        Assert.Equal(["rfc"], second?.Labels);
    }

    [Fact]
    public async Task A_changed_issue_is_read_afresh()
    {
        await _adapter.GitHub.GetIssueAsync(Issue, Ct);
        await _adapter.GitHub.AddLabelAsync(Issue, "governance/voting", Ct);

        var after = await _adapter.GitHub.GetIssueAsync(Issue, Ct);

        Assert.Equal([200, 200], IssueReadStatuses());
        Assert.Equal(["rfc", "governance/voting"], after?.Labels.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task The_budget_follows_the_rate_limit_headers_of_a_304()
    {
        await _adapter.GitHub.GetIssueAsync(Issue, Ct);
        Assert.False(_adapter.Budget.IsLow);

        _github.RateLimitRemaining = 100;
        await _adapter.GitHub.GetIssueAsync(Issue, Ct);

        Assert.Equal(304, IssueReadStatuses()[^1]);
        Assert.Contains(100, _adapter.Budget.Remaining);
        Assert.True(_adapter.Budget.IsLow);
    }

    private int[] IssueReadStatuses() =>
        [.. _github.Exchanges().Where(e => e.Request.Method == "GET" && e.Request.Path == IssuePath).Select(e => e.Status)];
}
