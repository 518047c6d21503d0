using GovernanceBot.Tests.Fakes;
using Serilog.Core;
using Serilog.Events;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// One repository or installation GitHub refuses (gone, closed to the App) does not stop the sweep: a refused
/// installation is logged by name and skipped, and a webhook lost in another repository is still healed by discovery.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class SweepIsolationTests(GitHubBehindPrism wire)
{
    private const string Config = Given.ThreeMemberTsc;
    private const string NotAccessible = "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}";

    /// <summary>The events the host logs at Warning and above.</summary>
    private sealed class Capture : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public IReadOnlyList<LogEvent> Events
        {
            get
            {
                lock (_events) return [.. _events];
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events) _events.Add(logEvent);
        }

        public IEnumerable<string> Rendered(int eventId) => Events
            .Where(e => e.Properties.TryGetValue("EventId", out var id) && id is StructureValue s
                        && s.Properties.Any(p => p.Name == "Id" && p.Value is ScalarValue { Value: int n } && n == eventId))
            .Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task A_repository_answering_an_error_is_not_asked_and_a_lost_webhook_in_another_one_is_healed(int status)
    {
        string[] repos = ["octo-org/alpha", "octo-org/beta", "octo-org/gamma"];
        var logs = new Capture();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Logs = logs,
            Given = github =>
            {
                github.GivenApp("governance-bot").GivenInstallation(Given.Installation, repos);
                foreach (var repo in repos) github.GivenFile(repo, ".github/governance.yml", Config);
                github.GivenIssue("octo-org/beta", 3, "RFC: in a repository that is gone", "dana", "rfc");
                github.GivenRepositoryAnswers("octo-org/beta", status);

                // Labelled while the bot was down: no delivery will ever come for it.
                github.GivenIssue("octo-org/gamma", 7, "RFC: the lost webhook", "dana");
                return github.AddLabel("octo-org/gamma", 7, "rfc", "dana");
            },
        });

        await app.StartAsync();
        await app.SettleAsync(() => app.GitHub.Labels("octo-org/gamma", 7).Contains("governance/discussion"), seconds: 30);

        Assert.Single(app.GitHub.Comments("octo-org/gamma", 7), c => c.IsBot);

        // Discovery searches the installation as a whole: the refused repository is not in GitHub's answer, nothing asks it anything.
        Assert.DoesNotContain(app.GitHub.Requests(), r => r.Path.StartsWith("/repos/octo-org/beta", StringComparison.Ordinal));
        Assert.Single(app.GitHub.Requests(), r => r.Path == "/search/issues");
        Assert.Empty(logs.Rendered(3201)); // the sweep as a whole did not fail
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task An_installation_whose_issues_cannot_be_searched_is_skipped_and_the_next_one_is_swept()
    {
        var logs = new Capture();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Logs = logs,
            Given = github => github.GivenApp("governance-bot")
                .GivenInstallation(41, "octo-west/rfcs")
                .GivenInstallation(Given.Installation, Given.Repo)
                .GivenFile(Given.Repo, ".github/governance.yml", Config)
                .GivenIssue(Given.Repo, Given.Issue, "RFC: the lost webhook", "dana")
                .AddLabel(Given.Repo, Given.Issue, "rfc", "dana")

                // Installations are discovered in order: installation 41 (suspended, say) refuses its search and its
                // repositories alike.
                .Interfere(HttpMethod.Get, "/search/issues", new FakeFault(403, NotAccessible), times: 1)
                .Interfere(HttpMethod.Get, "/installation/repositories", new FakeFault(403, NotAccessible), times: 1),
        });

        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 30);

        var skipped = Assert.Single(logs.Rendered(3204));
        Assert.Contains("41", skipped, StringComparison.Ordinal);
        Assert.Empty(logs.Rendered(3201));
        app.AssertNoViolations(responsesToo: false);
    }

    [Theory]
    [InlineData(422)]
    [InlineData(403)]
    public async Task Where_GitHub_refuses_the_search_the_installations_repositories_are_listed_by_label_instead(int status)
    {
        string[] repos = ["octo-org/alpha", "octo-org/beta", Given.Repo];
        var logs = new Capture();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Logs = logs,
            Given = github => github.GivenApp("governance-bot")
                .GivenInstallation(Given.Installation, repos)
                .GivenInstallation(43, "other-org/rfcs")
                .GivenFile(Given.Repo, ".github/governance.yml", Config)
                .GivenIssue(Given.Repo, Given.Issue, "RFC: the lost webhook", "dana")
                .AddLabel(Given.Repo, Given.Issue, "rfc", "dana")

                // Installations are discovered in order: 42 first, whose search is refused; 43 searches as usual.
                .Interfere(HttpMethod.Get, "/search/issues", new FakeFault(status, NotAccessible), times: 1),
        });

        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 30);

        Assert.Single(logs.Rendered(3206), m => m.Contains("42", StringComparison.Ordinal) && m.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Empty(logs.Rendered(3204));
        var listings = app.GitHub.Requests().Where(r => r.Path.StartsWith("/repos/", StringComparison.Ordinal) && r.Path.EndsWith("/issues", StringComparison.Ordinal)).ToList();
        Assert.Equal(repos.Length * 5, listings.Count); // the five process labels (two triggers, the three running phases), in each of 42's repositories
        Assert.DoesNotContain(listings, r => r.Path.StartsWith("/repos/other-org/", StringComparison.Ordinal));
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_search_refused_for_a_rate_limit_is_tried_again_later_not_replaced_by_listing_every_repository()
    {
        string[] repos = ["octo-org/alpha", "octo-org/beta", Given.Repo];
        var logs = new Capture();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Logs = logs,
            Given = github => github.GivenApp("governance-bot")
                .GivenInstallation(Given.Installation, repos)
                .GivenFile(Given.Repo, ".github/governance.yml", Config)
                .GivenIssue(Given.Repo, Given.Issue, "RFC: the lost webhook", "dana")
                .AddLabel(Given.Repo, Given.Issue, "rfc", "dana")

                // GitHub's secondary limit, with a wait too long to sit out: the search fails for now.
                .Interfere(HttpMethod.Get, "/search/issues", new FakeFault(403, Headers: [("Retry-After", "3600")]), times: 1),
        });

        await app.StartAsync();
        await app.SettleAsync(() => logs.Rendered(3204).Any(), seconds: 30);

        Assert.Empty(logs.Rendered(3206));
        Assert.DoesNotContain(app.GitHub.Requests(), r => r.Path.StartsWith("/repos/", StringComparison.Ordinal) && r.Path.EndsWith("/issues", StringComparison.Ordinal));
        Assert.False(app.Has("governance/discussion"));
        app.AssertNoViolations(responsesToo: false);
    }
}
