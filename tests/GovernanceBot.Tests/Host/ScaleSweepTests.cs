using System.Text.RegularExpressions;
using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// What the bot costs GitHub at scale: one installation of 1,000 repositories with 100 open processes. The idle sweep is
/// 4 conditional reads per open process (the issue, its events, its comments, its repository's configuration), all
/// answered 304 (no rate limit), and nothing per repository; over an hour of sweeps every 5 minutes and the hourly
/// discovery, under 6,000 requests, and never more than 900 to one endpoint in a minute.
/// </summary>
/// <remarks>
/// Runs against the fake GitHub without Prism in front (<see cref="GitHubWithoutPrism"/>): the shapes of these requests
/// are the ones <see cref="SweepBudgetTests"/> and <see cref="DiscoveryTests"/> check through Prism, and validating
/// some 7,000 more would only make this test slow. Reproduce: <c>dotnet test tests/GovernanceBot.Tests --filter "FullyQualifiedName~ScaleSweepTests"</c>.
/// </remarks>
public sealed class ScaleSweepTests(GitHubWithoutPrism wire, ITestOutputHelper output) : IClassFixture<GitHubWithoutPrism>
{
    private const int Repositories = 1000;
    private const int Processes = 100;

    /// <summary>The endpoint a request went to, with the repository and the numbers left out.</summary>
    private static string Endpoint(FakeRequest r) => $"{r.Method} {Regex.Replace(r.Path, @"^/repos/[^/]+/[^/]+|/\d+", m => m.Value.StartsWith("/repos", StringComparison.Ordinal) ? "/repos/{owner}/{repo}" : "/{n}")}";

    [Fact]
    public async Task At_1000_repositories_and_100_processes_an_idle_sweep_is_400_conditional_reads_and_an_hour_under_6000_requests()
    {
        var repos = Enumerable.Range(1, Repositories).Select(i => $"octo-org/repo-{i:0000}").ToArray();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Given = github =>
            {
                github.GivenApp("governance-bot").GivenInstallation(Given.Installation, repos);
                foreach (var repo in repos.Where((_, i) => i % (Repositories / Processes) == 0))
                {
                    github.GivenFile(repo, ".github/governance.yml", Given.ThreeMemberTsc)
                        .GivenIssue(repo, 1, "RFC: labeled while the bot was away", "dana")
                        .AddLabel(repo, 1, "rfc", "dana");
                }

                return github;
            },
        });
        await app.StartAsync();
        var sweeper = app.Host.Services.GetRequiredService<Sweeper>();
        var index = app.Host.Services.GetRequiredService<ProcessIndex>();

        // Opening 100 processes at once is about 1,000 writes, paced at 80 a minute: the clock moves a minute at a time
        // until they are all open and the bot is quiet.
        var opened = repos.Where((_, i) => i % (Repositories / Processes) == 0).ToList();
        for (var minutes = 0; minutes < 60 && !(opened.All(r => app.GitHub.Labels(r, 1).Contains("governance/discussion")) && app.Host.Queue.Count == 0); minutes++)
        {
            app.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(300);
        }

        await app.SettleAsync();
        Assert.Equal(Processes, index.Count);
        var started = app.GitHub.Exchanges().Count;

        // An hour: twelve sweeps five minutes apart, one of them with the hourly discovery; before it, one sweep reads
        // once more what the bot's own last writes changed (the issue and its events after labeling it).
        var sweeps = new List<IReadOnlyList<(FakeRequest Request, int Status)>>();
        for (var i = 0; i <= 12; i++)
        {
            if (i == 1)
            {
                sweeps.Clear();
                started = app.GitHub.Exchanges().Count;
            }

            var before = app.GitHub.Exchanges().Count;
            var completed = sweeper.Completed;
            app.Advance(TimeSpan.FromMinutes(5));
            await app.SettleAsync(() => sweeper.Completed > completed);
            await app.SettleAsync();
            sweeps.Add([.. app.GitHub.Exchanges().Skip(before)]);
        }

        var hour = app.GitHub.Exchanges().Skip(started).ToList();
        var idle = sweeps.First(s => !s.Any(e => e.Request.Path == "/search/issues"));
        output.WriteLine($"{Repositories} repositories, {Processes} open processes, 1 installation");
        output.WriteLine($"idle sweep: {idle.Count} requests, {idle.Count(e => e.Status == 304)} × 304");
        foreach (var group in idle.GroupBy(e => Endpoint(e.Request))) output.WriteLine($"  {group.Count(),4} × {group.Key}");
        var discovering = Assert.Single(sweeps, s => s.Any(e => e.Request.Path == "/search/issues"));
        output.WriteLine($"sweep with discovery: {discovering.Count} requests, {discovering.Count(e => e.Request.Path == "/search/issues")} search");
        output.WriteLine($"one hour (12 sweeps, 1 discovery): {hour.Count} requests, {hour.Count(e => e.Status != 304)} not 304");
        foreach (var group in hour.Where(e => e.Status != 304).GroupBy(e => $"{Endpoint(e.Request)} → {e.Status}")) output.WriteLine($"  {group.Count(),4} × {group.Key}");
        var busiest = sweeps.SelectMany(s => s.GroupBy(e => Endpoint(e.Request)).Select(g => (Endpoint: g.Key, Count: g.Count()))).MaxBy(g => g.Count);
        output.WriteLine($"most to one endpoint in a minute: {busiest.Count} ({busiest.Endpoint})");

        // Idle: 4 conditional reads per open process, 0 counted against the rate limit, nothing per repository.
        Assert.Equal(4 * Processes, idle.Count);
        Assert.All(idle, e => Assert.Equal(304, e.Status));
        Assert.DoesNotContain(idle, e => e.Request.Path.EndsWith("/issues", StringComparison.Ordinal) || e.Request.Path == "/installation/repositories");

        // Discovery: one search for the installation (100 results are one page), nothing else for it.
        Assert.Single(discovering, e => e.Request.Path == "/search/issues");
        Assert.True(discovering.Count <= (4 * Processes) + 2, $"{discovering.Count} requests in the sweep with discovery");

        // Sweeps are five minutes apart on the clock, so a minute sees at most one sweep's requests.
        Assert.True(busiest.Count <= 900, $"{busiest.Count} requests to {busiest.Endpoint} in a minute");
        Assert.True(hour.Count < 6000, $"{hour.Count} requests in an hour");
        Assert.All(hour.Where(e => e.Status != 304), e => Assert.True(e.Request.Path is "/search/issues" || e.Request.Path.EndsWith("/access_tokens", StringComparison.Ordinal), $"{Endpoint(e.Request)} answered {e.Status}"));
    }
}
