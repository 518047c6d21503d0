using System.Globalization;
using System.Text.RegularExpressions;
using GovernanceBot.Metrics;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.Host;

namespace GovernanceBot.Tests.Metrics;

/// <summary>
/// Alone, after the parallel tests: every host in the process names its meter <c>GovernanceBot</c>, and a scrape must
/// count this test's host only.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<GitHubBehindPrism>
{
    public const string Name = "Metrics, alone";
}

[Collection(MetricsCollection.Name)]
public sealed partial class MetricsScrapeTests(GitHubBehindPrism wire)
{
    [Fact]
    public async Task A_scrape_after_a_whole_rfc_finds_each_series_with_its_value()
    {
        // On a loaded machine an answer can outlast an attempt; its retry waits on the clock, which moves while the test waits.
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions
        {
            TickWhileSettling = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            Settings = new Dictionary<string, string> { ["GitHub:Resilience:AttemptTimeout"] = "00:00:30" },
        });
        app.GitHub.RateLimitRemaining = 4321;

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await app.LabelAsync("rfc", by: "dana")).StatusCode);
        await app.SettleAsync(() => app.Has("governance/discussion"));
        // The same delivery again, one with a wrong signature, and an event the bot has no use for.
        var labeled = Given.Labeled(GovernanceApp.Issue).ToJsonString();
        await app.Host.SendAsync("issues", labeled, delivery: "same-delivery");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Host.SendAsync("issues", labeled, delivery: "same-delivery")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Host.SendAsync("issues", labeled, secret: "not the secret")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await app.Host.SendAsync("star", "{\"action\":\"created\"}")).StatusCode);
        await app.SettleAsync();

        // The discussion deadline passes: the clock jumps one second beyond it, so the transition is at least one second
        // late (more only by the seconds the clock ticked while the test waited).
        app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.Has("governance/voting"));
        var voting = await ScrapeAsync(app);
        Assert.Equal(1, voting.Value("governance_processes_open"));

        app.Advance(TimeSpan.FromHours(1));
        await app.VoteAsync("alice", "+1");
        await app.VoteAsync("bob", "+1");
        await app.VoteAsync("carol", "+1");
        await app.SettleAsync(() => app.Has("governance/approved"));
        await app.SettleAsync();
        var before = app.GitHub.Exchanges().Count;
        var end = await ScrapeAsync(app);

        // A request GitHub has answered is counted when its answer is back in the bot, a moment later; the exporter also
        // caches a scrape for 300 ms. Scrape again (for at most 15 s) until the answers GitHub had sent are all counted.
        // (Two CI failures with 2–3 requests never counted were requests of the previous test's bot reaching this test's
        // GitHub through Prism: the fake now refuses a request stamped with an earlier generation, FakeGitHubGenerationTests.)
        for (var waited = 0; end.Sum("governance_github_requests_total") < before && waited < 15_000; waited += 400)
        {
            await Task.Delay(400);
            end = await ScrapeAsync(app);
        }

        // The label, then one delivery twice: the repeat is a duplicate; the first may find the issue still queued, a duplicate too.
        Assert.Equal(3, end.Sum("governance_deliveries_total", ("github_event", "issues")));
        Assert.InRange(end.Value("governance_deliveries_total", ("github_event", "issues"), ("outcome", "accepted")), 1, 2);
        Assert.InRange(end.Value("governance_deliveries_total", ("github_event", "issues"), ("outcome", "duplicate")), 1, 2);
        Assert.Equal(1, end.Value("governance_deliveries_total", ("github_event", "unverified"), ("outcome", "rejected_signature")));
        Assert.Equal(1, end.Value("governance_deliveries_total", ("github_event", "star"), ("outcome", "ignored")));
        // Three votes: each is accepted, or a duplicate when it finds the issue already queued (as the answer says).
        Assert.Equal(3, end.Sum("governance_deliveries_total", ("github_event", "issue_comment")));

        Assert.Equal(1, end.Value("governance_transitions_total", ("kind", "voting_opened")));
        Assert.Equal(1, end.Value("governance_transitions_total", ("kind", "approved")));
        Assert.False(end.Has("governance_transitions_total", ("kind", "rejected")));
        Assert.Equal(1, end.Value("governance_deadline_lag_seconds_count"));
        var late = (app.BotCommentsWith("**Voting is open**").Single().CreatedAt - (GovernanceApp.DefaultStart + TimeSpan.FromDays(14))).TotalSeconds;
        Assert.InRange(end.Value("governance_deadline_lag_seconds_sum"), 1, late);

        var changed = end.Value("governance_reconciles_total", ("result", "changed"));
        Assert.InRange(changed, 3, 20);
        Assert.Equal(changed, end.Value("governance_reconcile_duration_seconds_count", ("result", "changed")));
        Assert.True(end.Value("governance_reconcile_duration_seconds_sum", ("result", "changed")) > 0);
        Assert.False(end.Has("governance_reconciles_total", ("result", "failed")));
        Assert.Equal(0, end.Value("governance_queue_depth"));
        Assert.True(end.Value("governance_queue_wait_seconds_count") >= changed);

        // Each request GitHub answered is counted once, by endpoint group and status.
        // (A timer may still wake the bot around the scrape: the count lies between GitHub's tallies before and after it.)
        var exchanges = app.GitHub.Exchanges();
        var counted = end.Sum("governance_github_requests_total");
        Assert.True(counted >= before && counted <= exchanges.Count, $"{counted} requests counted, GitHub answered {before} before the scrape and {exchanges.Count} after it:\n{Differences(end, exchanges)}");
        var commentsPosted = exchanges.Count(e => e.Request.Method == "POST" && Regex.IsMatch(e.Request.Path, @"/issues/\d+/comments$") && e.Status == 201);
        Assert.Equal(3, commentsPosted); // the status comment, voting opened, the decision
        Assert.Equal(commentsPosted, end.Value("governance_github_requests_total", ("endpoint", "repos.issues.comments"), ("http_response_status_code", "201")));
        Assert.Equal(4321, end.Value("governance_github_rate_limit_remaining", ("installation", Given.Installation.ToString(CultureInfo.InvariantCulture))));

        Assert.True(end.Value("governance_sweep_duration_seconds_count") >= 1);
        Assert.True(end.Value("governance_discovery_duration_seconds_count") >= 1);
        Assert.Equal(0, end.Value("governance_processes_open"));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task Metrics_disabled_serve_no_endpoint()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Settings = new Dictionary<string, string> { ["Metrics:Enabled"] = "false" } });
        using var client = app.Host.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri(MetricsSetup.Path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task With_a_metrics_port_the_scrape_answers_on_that_port_only()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Settings = new Dictionary<string, string> { ["Metrics:Port"] = "9464" } });
        using var client = app.Host.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri("http://localhost/metrics"))).StatusCode);
        using var onPort = await client.GetAsync(new Uri("http://localhost:9464/metrics"));
        Assert.Equal(System.Net.HttpStatusCode.OK, onPort.StatusCode);
        Assert.Contains("governance_processes_open", await onPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/repos/acme/widgets/issues/7/comments", "repos.issues.comments")]
    [InlineData("/repos/acme/widgets/issues/comments/123", "repos.issues.comments")]
    [InlineData("/repos/acme/widgets/contents/.github/governance.yml", "repos.contents")]
    [InlineData("/repos/acme/widgets/issues/7/labels/governance%2Fvoting", "repos.issues.labels")]
    [InlineData("/repos/acme/widgets/check-runs/55", "repos.check-runs")]
    [InlineData("/app/installations/42/access_tokens", "app.installations.access_tokens")]
    [InlineData("/search/issues", "search.issues")]
    [InlineData("/api/v3/orgs/acme/teams/tsc/members", "orgs.teams.members")]
    public void A_request_path_becomes_a_few_words_without_names_or_numbers(string path, string group)
    {
        var root = path.StartsWith("/api/v3/", StringComparison.Ordinal) ? new Uri("https://ghe.example/api/v3/") : new Uri("https://api.github.com/");

        Assert.Equal(group, GitHubMetricsHandler.EndpointGroup(new Uri(root, path), root));
    }

    // Each endpoint group and status whose count differs between the scrape and GitHub's own tally, with GitHub's requests.
    private static string Differences(Scrape scrape, IReadOnlyList<(FakeRequest Request, int Status)> exchanges)
    {
        var root = new Uri("http://github.test/");
        return string.Join('\n', exchanges
            .GroupBy(e => (Group: GitHubMetricsHandler.EndpointGroup(new Uri(root, e.Request.Path), root), Status: e.Status.ToString(CultureInfo.InvariantCulture)))
            .Select(g => (g.Key, GitHub: g.Count(), Counted: scrape.Sum("governance_github_requests_total", ("endpoint", g.Key.Group), ("http_response_status_code", g.Key.Status)), Requests: g.Select(e => $"{e.Request.Method} {e.Request.Path}{e.Request.Query}")))
            .Where(d => d.GitHub != d.Counted)
            .Select(d => $"{d.Key.Group} {d.Key.Status}: GitHub {d.GitHub}, counted {d.Counted}: {string.Join(", ", d.Requests)}"));
    }

    private static async Task<Scrape> ScrapeAsync(GovernanceApp app)
    {
        using var client = app.Host.CreateClient();
        var text = await client.GetStringAsync(new Uri(MetricsSetup.Path, UriKind.Relative));
        return new Scrape(text);
    }

    /// <summary>A Prometheus text exposition, read line by line: name, labels, value.</summary>
    private sealed partial class Scrape(string text)
    {
        private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [.. Parse(text)];

        public bool Has(string name, params (string Key, string Value)[] labels) => Matching(name, labels).Any();

        public double Value(string name, params (string Key, string Value)[] labels)
        {
            var found = Matching(name, labels).ToList();
            return found.Count == 1 ? found[0].Value : throw new Xunit.Sdk.XunitException($"{found.Count} series {name} {string.Join(",", labels)} in:\n{text}");
        }

        public double Sum(string name, params (string Key, string Value)[] labels) => Matching(name, labels).Sum(s => s.Value);

        private IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Matching(string name, (string Key, string Value)[] labels) =>
            _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

        private static IEnumerable<(string, Dictionary<string, string>, double)> Parse(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var m = Sample().Match(line);
                if (!m.Success) continue;
                var labels = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
                yield return (m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
            }
        }

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
        private static partial Regex Sample();

        [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
        private static partial Regex Label();
    }
}
