using Microsoft.Extensions.DependencyInjection;
using GovernanceBot.Tests.Fakes;
using Microsoft.Playwright;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The dashboard in Debian's Chromium (never a downloaded browser), served by the in-process host through request routing:
/// a host with a process in every phase, seen at 375 px and 1280 px, light and dark, with screenshots as test artifacts.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DashboardBrowserTests(GitHubBehindPrism wire)
{
    public const string Chromium = "/usr/bin/chromium";
    private const string Repo = Given.Repo;
    private const string Secret = "octo-org/secret-rfcs";
    private const int Discussion = 12, NoQuorum = 13, Approved = 14, Voting = 15, Hidden = 7;

    private static GovernanceAppOptions EveryPhase => new()
    {
        Settings = new Dictionary<string, string> { ["Dashboard:AccessToken"] = DashboardTests.Token },
        Given = github => new[] { NoQuorum, Approved, Voting }
            .Aggregate(github.RfcRepository(), (g, n) => g.GivenIssue(Repo, n, $"RFC {n}: phase under test", "dana"))
            .GivenInstallation(Given.Installation, Repo, Secret)
            .GivenFile(Secret, ".github/governance.yml", Given.ThreeMemberTsc)
            .GivenIssue(Secret, Hidden, "RFC: the private one", "dana"),
    };

    private static async Task VoteAsync(GovernanceApp app, int issue, string login, string vote)
    {
        var id = app.GitHub.GivenComment(Repo, issue, login, "/vote " + vote, app.Now);
        await app.DeliverAsync("issue_comment", Given.CommentCreated(id, login, "/vote " + vote, issue));
    }

    private static bool Has(GovernanceApp app, int issue, string label, string repo = Repo) => app.GitHub.Labels(repo, issue).Contains(label);

    /// <summary>#13 ends without quorum (nobody voted), #14 is approved, #15 is voting with bob's vote, #12 is in discussion, and #7 of a private repository is voting.</summary>
    private static async Task<GovernanceApp> HostWithEveryPhaseAsync(GitHubBehindPrism wire)
    {
        var app = await GovernanceApp.StartAsync(wire, EveryPhase);
        await app.LabelAsync(issue: NoQuorum);
        await app.LabelAsync(issue: Approved);
        await app.SettleAsync(() => Has(app, NoQuorum, "governance/discussion") && Has(app, Approved, "governance/discussion"));

        app.Advance(TimeSpan.FromDays(7));
        await app.LabelAsync(issue: Voting);
        app.GitHub.AddLabel(Secret, Hidden, "rfc", "dana");
        var labeled = Payloads.For("issues", "labeled.payload.json", Given.Installation, Secret, Hidden);
        labeled["repository"]!["private"] = true;
        await app.DeliverAsync("issues", labeled);
        await app.SettleAsync(() => Has(app, Voting, "governance/discussion") && Has(app, Hidden, "governance/discussion", Secret));

        app.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => Has(app, NoQuorum, "governance/voting") && Has(app, Approved, "governance/voting"));
        foreach (var login in new[] { "alice", "bob", "carol" }) await VoteAsync(app, Approved, login, "+1");
        await app.SettleAsync(() => Has(app, Approved, "governance/approved"));

        app.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => Has(app, NoQuorum, "governance/no-quorum") && Has(app, Voting, "governance/voting") && Has(app, Hidden, "governance/voting", Secret));
        await VoteAsync(app, Voting, "bob", "+1");
        await app.LabelAsync(issue: Discussion);
        await app.SettleAsync(() => app.Has("governance/discussion")
            && app.Host.Services.GetRequiredService<GovernanceBot.Dashboard.DashboardStore>().Snapshot().Any(p => p.Round.BindingBallots.Any(b => b.Voter == "bob")));
        app.Advance(TimeSpan.FromHours(5));
        return app;
    }

    [Fact]
    public async Task A_host_with_a_process_in_every_phase_shows_times_and_arithmetic_filters_by_login_hides_the_private_one_and_fits_375_px()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does it as root)");
        await using var app = await HostWithEveryPhaseAsync(wire);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var client = app.Host.CreateClient();
        async Task<IPage> OpenAsync(string path, int width, ColorScheme scheme = ColorScheme.Light)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
            await page.RouteAsync("http://dashboard.test/**", async route =>
            {
                var body = await client.GetStringAsync(new Uri(route.Request.Url).PathAndQuery);
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = body });
            });
            await page.GotoAsync("http://dashboard.test" + path);
            return page;
        }

        var results = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        foreach (var (width, scheme) in new[] { (375, ColorScheme.Light), (1280, ColorScheme.Light), (375, ColorScheme.Dark), (1280, ColorScheme.Dark) })
        {
            var page = await OpenAsync("/", width, scheme);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"horizontal scrolling at {width} px ({scheme})");
            await AssertRowAsync(page, "#open", Voting, "Voting", "2026-06-01 09:00 UTC (6 days left)", "1 of 3 voted, quorum 2, 1 of 1 +1", "alice, carol");
            await AssertRowAsync(page, "#open", Discussion, "Discussion", "2026-06-08 09:00:02 UTC (13 days left)", "voting not open yet");
            await AssertRowAsync(page, "#decided", Approved, "Approved", "2026-05-18 09:00:01 UTC", "3 of 3 voted, quorum 2, 3 of 3 +1");
            await AssertRowAsync(page, "#decided", NoQuorum, "No quorum", "2026-05-25 09:00 UTC", "0 of 3 voted, quorum 2");
            var body = await page.InnerTextAsync("body");
            Assert.DoesNotContain(Secret, body);
            Assert.DoesNotContain("the private one", body);
            await page.ScreenshotAsync(new() { Path = Path.Combine(results, $"dashboard-{width}-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });
        }

        // The private process exists: the token holder sees it, so its absence above is the privacy rule at work.
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/");
        withToken.Headers.Authorization = new("Bearer", DashboardTests.Token);
        Assert.Contains(Secret, await (await client.SendAsync(withToken)).Content.ReadAsStringAsync());

        var carol = await OpenAsync("/?login=carol", 375);
        Assert.Contains("#15", await carol.InnerTextAsync("#open"));
        Assert.DoesNotContain("#12", await carol.InnerTextAsync("#open"));
        Assert.Contains("Waiting for carol's vote", await carol.InnerTextAsync("h1"));
        await carol.ScreenshotAsync(new() { Path = Path.Combine(results, "dashboard-375-login-carol.png"), FullPage = true });
        var bob = await OpenAsync("/?login=bob", 375);
        Assert.Contains("No open process.", await bob.InnerTextAsync("main"));
    }

    private static async Task AssertRowAsync(IPage page, string table, int issue, params string[] cells)
    {
        var row = await page.Locator($"{table} tbody tr", new() { HasText = $"#{issue}" }).InnerTextAsync();
        foreach (var cell in cells) Assert.Contains(cell, row);
    }
}
