using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The open processes the bot knows of (<see cref="ProcessIndex"/>): rebuilt from GitHub at start by one issue search per
/// installation, kept by webhooks, refreshed by installation events, and searched again at most once an interval.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DiscoveryTests(GitHubBehindPrism wire)
{
    private const string Alpha = "octo-org/alpha";
    private const string Beta = "octo-org/beta";
    private const string Other = "other-org/rfcs";

    private static GovernanceApp TwoInstallations(GitHubBehindPrism wire) => new(wire, new GovernanceAppOptions
    {
        Given = github => github.RfcRepository()
            .GivenInstallation(Given.Installation, Given.Repo, Alpha, Beta)
            .GivenInstallation(43, Other)
            .GivenFile(Alpha, ".github/governance.yml", Given.ThreeMemberTsc)
            .GivenFile(Beta, ".github/governance.yml", Given.ThreeMemberTsc)
            .GivenFile(Other, ".github/governance.yml", Given.ThreeMemberTsc)
            .GivenIssue(Alpha, 1, "RFC: alpha", "dana").AddLabel(Alpha, 1, "rfc", "dana")
            .GivenIssue(Other, 1, "RFC: other", "dana").AddLabel(Other, 1, "rfc", "dana"),
    });

    private static ProcessIndex Index(GovernanceApp app) => app.Host.Services.GetRequiredService<ProcessIndex>();

    private static Sweeper Sweeper(GovernanceApp app) => app.Host.Services.GetRequiredService<Sweeper>();

    private static async Task SweptAsync(GovernanceApp app, int sweeps)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Sweeper(app).Completed < sweeps && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.True(Sweeper(app).Completed >= sweeps, $"{Sweeper(app).Completed} sweeps, expected {sweeps}");
        await app.SettleAsync();
    }

    /// <summary>The clock moves one sweep interval; returns the requests that sweep (and the work it queued) made.</summary>
    private static async Task<IReadOnlyList<FakeRequest>> NextSweepAsync(GovernanceApp app)
    {
        var before = app.GitHub.Requests().Count;
        var completed = Sweeper(app).Completed;
        app.Advance(TimeSpan.FromMinutes(5));
        await SweptAsync(app, completed + 1);
        return [.. app.GitHub.Requests().Skip(before)];
    }

    private static List<FakeRequest> Searches(IEnumerable<FakeRequest> requests) => [.. requests.Where(r => r.Path == "/search/issues")];

    private static bool Searched(FakeRequest search, string org) => Uri.UnescapeDataString(search.Query).Contains($"org:{org}", StringComparison.Ordinal);

    [Fact]
    public async Task At_start_one_search_per_installation_finds_the_processes_and_the_sweep_then_reads_only_them()
    {
        await using var app = TwoInstallations(wire);
        await app.StartAsync();
        await SweptAsync(app, 1);

        Assert.Equal(2, Searches(app.GitHub.Requests()).Count);
        Assert.Contains("governance/discussion", app.GitHub.Labels(Alpha, 1));
        Assert.Contains("governance/discussion", app.GitHub.Labels(Other, 1));
        Assert.Equal([new(new(Given.Installation, "octo-org", "alpha"), 1), new(new(43, "other-org", "rfcs"), 1)], Index(app).All());

        var sweep = await NextSweepAsync(app);
        Assert.Empty(Searches(sweep));
        Assert.All(sweep, r => Assert.True(r.Path.StartsWith("/repos/octo-org/alpha/", StringComparison.Ordinal) || r.Path.StartsWith("/repos/other-org/rfcs/", StringComparison.Ordinal), r.Path));
        Assert.DoesNotContain(sweep, r => r.Path.StartsWith("/repos/octo-org/beta", StringComparison.Ordinal) || r.Path.StartsWith("/repos/" + Given.Repo, StringComparison.Ordinal));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_labeled_issue_joins_the_index_by_its_webhook_and_a_closed_one_drops_out()
    {
        await using var app = TwoInstallations(wire);
        await app.StartAsync();
        await SweptAsync(app, 1);

        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
        var issue = new GovernanceBot.GitHub.IssueRef(new(Given.Installation, "octo-org", "rfcs"), Given.Issue);
        Assert.True(Index(app).Contains(issue));

        app.GitHub.CloseIssue(Given.Repo, Given.Issue, "dana");
        await app.DeliverAsync("issues", Payloads.For("issues", "closed.codinasion-bot-fixture.payload.json", Given.Installation, Given.Repo, Given.Issue));
        await app.SettleAsync(() => !Index(app).Contains(issue));

        var sweep = await NextSweepAsync(app);
        Assert.DoesNotContain(sweep, r => r.Path.StartsWith($"/repos/{Given.Repo}/", StringComparison.Ordinal));
        Assert.Equal(2, Index(app).Count);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task Discovery_searches_each_installation_once_an_interval_and_heals_a_webhook_lost_while_the_bot_was_down()
    {
        await using var app = TwoInstallations(wire);
        await app.StartAsync();
        await SweptAsync(app, 1);

        // Two hours of sweeps every five minutes: discovery at start, after one hour and after two, one search each.
        var requests = new List<FakeRequest>();
        for (var i = 0; i < 24; i++) requests.AddRange(await NextSweepAsync(app));
        var searches = Searches(app.GitHub.Requests());
        Assert.Equal(3, searches.Count(s => Searched(s, "octo-org")));
        Assert.Equal(3, searches.Count(s => Searched(s, "other-org")));

        // The bot is down while beta's issue is labeled: the webhook is lost, and the restarted bot knows nothing.
        await app.StopAsync();
        app.GitHub.GivenIssue(Beta, 5, "RFC: labeled while the bot was down", "dana").AddLabel(Beta, 5, "rfc", "dana");
        app.Advance(TimeSpan.FromMinutes(1));
        await app.StartAsync();
        await app.SettleAsync(() => app.GitHub.Labels(Beta, 5).Contains("governance/discussion"), seconds: 30);

        Assert.Single(app.GitHub.Comments(Beta, 5), c => c.IsBot);
        Assert.Equal(3, Index(app).Count);
        Assert.Equal(8, Searches(app.GitHub.Requests()).Count); // one more per installation at start
        app.AssertNoViolations();
    }

    [Fact]
    public async Task Repositories_added_to_an_installation_are_searched_at_the_next_sweep_and_only_that_installation_is()
    {
        await using var app = TwoInstallations(wire);
        await app.StartAsync();
        await SweptAsync(app, 1);

        const string Gamma = "octo-org/gamma";
        app.GitHub.GivenInstallation(Given.Installation, Given.Repo, Alpha, Beta, Gamma)
            .GivenFile(Gamma, ".github/governance.yml", Given.ThreeMemberTsc)
            .GivenIssue(Gamma, 3, "RFC: in a repository granted later", "dana").AddLabel(Gamma, 3, "rfc", "dana");
        var payload = Payloads.Load("installation_repositories", "added.payload.json");
        payload["installation"]!["id"] = Given.Installation;
        await app.DeliverAsync("installation_repositories", payload);

        var sweep = await NextSweepAsync(app);
        await app.SettleAsync(() => app.GitHub.Labels(Gamma, 3).Contains("governance/discussion"), seconds: 30);

        var search = Assert.Single(Searches(sweep));
        Assert.True(Searched(search, "octo-org"), search.Query);
        Assert.Single(app.GitHub.Comments(Gamma, 3), c => c.IsBot);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task An_uninstalled_installation_is_forgotten_at_once_and_never_asked_again()
    {
        await using var app = TwoInstallations(wire);
        await app.StartAsync();
        await SweptAsync(app, 1);
        Assert.Single(Index(app).Of(43));

        app.GitHub.RemoveInstallation(43);
        var payload = Payloads.Load("installation", "deleted.payload.json");
        payload["installation"]!["id"] = 43;
        await app.DeliverAsync("installation", payload);
        Assert.Empty(Index(app).Of(43));

        var sweeps = new List<FakeRequest>();
        for (var i = 0; i < 13; i++) sweeps.AddRange(await NextSweepAsync(app)); // past the next discovery
        Assert.DoesNotContain(sweeps, r => r.Path.StartsWith("/repos/other-org/", StringComparison.Ordinal) || r.Path == "/app/installations/43/access_tokens");
        Assert.DoesNotContain(Searches(sweeps), s => Searched(s, "other-org"));
        Assert.Single(Searches(sweeps), s => Searched(s, "octo-org"));
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task Over_thirty_installations_the_searches_keep_to_thirty_a_minute()
    {
        const int Installations = 35;
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Given = github =>
            {
                github.GivenApp("governance-bot");
                for (var i = 1; i <= Installations; i++) github.GivenInstallation(100 + i, $"org-{i:00}/rfcs");
                return github;
            },
        });
        await app.StartAsync();

        // The 31st search waits for the first to leave the last minute, on the bot's clock.
        await app.SettleAsync(() => Searches(app.GitHub.Requests()).Count >= 30, seconds: 30);
        await Task.Delay(1000);
        Assert.Equal(30, Searches(app.GitHub.Requests()).Count);
        Assert.Equal(0, Sweeper(app).Completed);

        app.Advance(TimeSpan.FromMinutes(1));
        await SweptAsync(app, 1);
        Assert.Equal(Installations, Searches(app.GitHub.Requests()).Count);
        app.AssertNoViolations();
    }
}
