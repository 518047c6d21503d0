using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>
/// The write pace (80 content-creating requests a minute) and the attempt timeout measure different things: a write
/// waiting for its turn has not been sent, so its wait does not count against the attempt (issue 8 saw 28 spurious
/// timeouts in a 200-delivery burst).
/// </summary>
[Trait("Category", "Hostile")]
public sealed class WritePacingTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private static readonly RepoRef RepoRef = new(7, "octo-org", "rfcs");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeGitHub github;
    private readonly AdapterUnderTest adapter;

    public WritePacingTests()
    {
        github = new FakeGitHub(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        for (var n = 1; n <= RateLimitBudget.WritesPerMinute + 1; n++) github.GivenIssue(Repo, n, $"RFC {n}", "dana");

        // One attempt, and a timeout far shorter than the wait for the pace: a wait that counted would fail the write.
        adapter = new AdapterUnderTest(github.Url, clock, resilience: r =>
        {
            r.MaxAttempts = 1;
            r.AttemptTimeout = TimeSpan.FromSeconds(1);
        });
    }

    public void Dispose()
    {
        adapter.Dispose();
        github.Dispose();
    }

    [Fact]
    public async Task A_write_that_waits_for_the_pace_longer_than_the_attempt_timeout_is_sent_once_its_turn_comes()
    {
        for (var n = 1; n <= RateLimitBudget.WritesPerMinute; n++)
        {
            await adapter.GitHub.AddLabelAsync(new IssueRef(RepoRef, n), "rfc", CancellationToken.None);
        }

        var eightyFirst = adapter.GitHub.AddLabelAsync(new IssueRef(RepoRef, RateLimitBudget.WritesPerMinute + 1), "rfc", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // real time: more than twice the attempt timeout
        Assert.False(eightyFirst.IsCompleted, $"the 81st write ended before its turn: {eightyFirst.Exception?.InnerException?.GetType().Name}");

        clock.Advance(TimeSpan.FromMinutes(1));
        await eightyFirst.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("rfc", github.Labels(Repo, RateLimitBudget.WritesPerMinute + 1));
        Assert.Equal(RateLimitBudget.WritesPerMinute + 1, github.Requests().Count(r => r.Method == "POST" && r.Path.EndsWith("/labels", StringComparison.Ordinal)));
    }
}
