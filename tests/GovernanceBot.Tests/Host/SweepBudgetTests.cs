using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>What an idle sweep costs: over 10 repositories with 20 open processes, the second sweep is all 304s, 4 per process.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class SweepBudgetTests(GitHubBehindPrism wire, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Repos = [.. Enumerable.Range(1, 10).Select(i => $"octo-org/project-{i:00}")];
    private GovernanceApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Given = github =>
            {
                github.GivenApp("governance-bot").GivenInstallation(42, Repos);
                foreach (var repo in Repos)
                {
                    github.GivenFile(repo, ".github/governance.yml", "tsc:\n  members: [alice, bob, carol]\n");
                    foreach (var n in new[] { 1, 2 })
                    {
                        github.GivenIssue(repo, n, $"RFC {n}", "dana");
                        github.AddLabel(repo, n, "rfc", "dana");
                    }
                }

                return github;
            },
        });
        await _app.StartAsync();
        await SweepAsync(expected: 1); // the start-up sweep finds and opens all 20 processes
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Sweeper Sweeper => _app.Host.Services.GetRequiredService<Sweeper>();

    private async Task SweepAsync(int expected)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Sweeper.Completed < expected && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.Equal(expected, Sweeper.Completed);
        await _app.SettleAsync();
    }

    private async Task<IReadOnlyList<(FakeRequest Request, int Status)>> NextSweepAsync()
    {
        var before = _app.GitHub.Exchanges().Count;
        var completed = Sweeper.Completed;
        _app.Advance(TimeSpan.FromMinutes(5));
        await SweepAsync(completed + 1);
        return [.. _app.GitHub.Exchanges().Skip(before)];
    }

    [Fact]
    public async Task A_second_idle_sweep_over_10_repositories_and_20_processes_costs_no_rate_limit()
    {
        var opened = Enumerable.Range(1, 10).SelectMany(i => new[] { 1, 2 }.Select(n => _app.GitHub.Labels($"octo-org/project-{i:00}", n)))
            .Count(labels => labels.Contains("governance/discussion"));
        Assert.Equal(20, opened);

        // The first idle sweep may refresh the status comments' time-left text written at start; reading an edited comment
        // list again costs once. From then on, an idle sweep is all 304s.
        _ = await NextSweepAsync();
        var first = await NextSweepAsync();
        var second = await NextSweepAsync();

        output.WriteLine($"first idle sweep: {first.Count} requests, {first.Count(e => e.Status == 304)} × 304, {first.Count(e => e.Status == 200)} × 200");
        output.WriteLine($"second idle sweep: {second.Count} requests, {second.Count(e => e.Status == 304)} × 304, {second.Count(e => e.Status == 200)} × 200");
        foreach (var group in second.GroupBy(e => System.Text.RegularExpressions.Regex.Replace(e.Request.Path, @"project-\d+|/\d+", "/*")))
        {
            output.WriteLine($"  {group.Count(),3} × {group.First().Request.Method} {group.Key}");
        }

        Assert.NotEmpty(second);
        Assert.All(second, e => Assert.Equal("GET", e.Request.Method));
        Assert.All(second, e => Assert.True(e.Status == 304, $"{e.Request.Method} {e.Request.Path}{e.Request.Query} answered {e.Status}"));
        // Nothing per repository; per known open process: the issue, its events, its comments and its repository's config.
        Assert.DoesNotContain(second, e => e.Request.Path.EndsWith("/issues", StringComparison.Ordinal) || e.Request.Path == "/search/issues");
        Assert.Equal(20 * 4, second.Count);
        _app.AssertNoViolations();
    }
}
