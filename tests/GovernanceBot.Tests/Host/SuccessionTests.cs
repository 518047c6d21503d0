using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Succession (design section 9): once a day the bot measures each TSC member's last activity with one issue search,
/// keeps one "TSC activity" issue in the report repository, mentions a member once past contact_after and opens one
/// membership review past review_after; every request checked against GitHub's REST description.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class SuccessionTests(GitHubBehindPrism wire)
{
    private const string Owner = ".github";
    private const string Report = "octo-org/governance";
    private const string OwnerConfig = "tsc:\n  members: [alice, bob, carol]\n  emeritus: [erin]\nsuccession:\n  report: octo-org/governance\n";

    private static GovernanceApp App(GitHubBehindPrism wire) => new(wire, new GovernanceAppOptions
    {
        Settings = new Dictionary<string, string> { ["Governance:SuccessionSearchPace"] = "00:00:00" },
        Given = github => github.RfcRepository()
            .GivenInstallation(Given.Installation, Given.Repo, $"octo-org/{Owner}", Report)
            .GivenFile($"octo-org/{Owner}", ".github/governance.yml", OwnerConfig)
            .GivenOldComment(Given.Repo, 101, "alice", GovernanceApp.DefaultStart.AddDays(-2))
            .GivenOldComment(Given.Repo, 102, "bob", GovernanceApp.DefaultStart.AddDays(-100))
            .GivenOldComment(Given.Repo, 103, "carol", GovernanceApp.DefaultStart.AddDays(-200))
            .GivenOldComment(Given.Repo, 104, "erin", GovernanceApp.DefaultStart.AddDays(-300)),
    });

    private static Succession Job(GovernanceApp app) => app.Host.Services.GetRequiredService<Succession>();

    private static async Task RunsAsync(GovernanceApp app, int runs)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (Job(app).Completed < runs && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.True(Job(app).Completed >= runs, $"{Job(app).Completed} succession runs, expected {runs}");
    }

    private static IReadOnlyList<FakeComment> ActivityComments(GovernanceApp app, int number) => app.GitHub.Comments(Report, number);

    [Fact]
    public async Task A_member_inactive_100_days_is_mentioned_once_and_one_at_200_days_gets_a_review_issue()
    {
        await using var app = App(wire);
        await app.StartAsync();
        await RunsAsync(app, 1);

        var issues = app.GitHub.IssuesIn(Report);
        var activity = Assert.Single(issues, i => i.Title == "TSC activity");
        var body = app.GitHub.IssueBody(Report, activity.Number);
        Assert.Contains("| `alice` | [2026-05-02](https://github.com/octo-org/rfcs/issues/101) | 0 / 0 |", body, StringComparison.Ordinal);
        Assert.Contains("| `bob` | [2026-01-24](https://github.com/octo-org/rfcs/issues/102)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("erin", body, StringComparison.Ordinal);

        var mentions = ActivityComments(app, activity.Number);
        Assert.Single(mentions, c => c.Body.Contains("@bob,", StringComparison.Ordinal));
        Assert.Single(mentions, c => c.Body.Contains("@carol,", StringComparison.Ordinal));
        Assert.DoesNotContain(mentions, c => c.Body.Contains("@alice", StringComparison.Ordinal));

        var review = Assert.Single(issues, i => i.Labels.Contains("tsc-membership-review"));
        Assert.Equal("TSC membership review: carol", review.Title);
        Assert.DoesNotContain(issues, i => i.Title.Contains("bob", StringComparison.Ordinal));

        // The next day: nothing new is said, the table is not rewritten, and each member was searched once a day.
        var requestsBefore = app.GitHub.Requests().Count;
        app.Advance(TimeSpan.FromDays(1));
        await RunsAsync(app, 2);
        await app.SettleAsync();

        Assert.Equal(mentions.Count, ActivityComments(app, activity.Number).Count);
        Assert.Equal(issues.Count, app.GitHub.IssuesIn(Report).Count);
        Assert.DoesNotContain(app.GitHub.Requests().Skip(requestsBefore), r => r.Method == "PATCH" && r.Path.EndsWith($"/issues/{activity.Number}", StringComparison.Ordinal));
        var searches = app.GitHub.CommenterSearches();
        Assert.Equal(new Dictionary<string, int> { ["alice"] = 2, ["bob"] = 2, ["carol"] = 2 }, searches);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_restart_the_same_day_finds_the_issues_again_by_their_markers()
    {
        await using var app = App(wire);
        await app.StartAsync();
        await RunsAsync(app, 1);
        await app.StopAsync();
        var before = app.GitHub.IssuesIn(Report).Count;

        await app.StartAsync();
        await RunsAsync(app, 1);

        Assert.Equal(before, app.GitHub.IssuesIn(Report).Count);
        var activity = Assert.Single(app.GitHub.IssuesIn(Report), i => i.Title == "TSC activity");
        Assert.Single(ActivityComments(app, activity.Number), c => c.Body.Contains("@bob,", StringComparison.Ordinal));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task An_emeritus_member_still_in_the_team_is_not_called_to_vote()
    {
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Given = github => github.RfcRepository("tsc:\n  team: tsc\n  emeritus: [erin]\n").GivenTeam("octo-org", "tsc", "alice", "bob", "erin"),
        });
        await app.StartAsync();
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));

        app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.Has("governance/voting"));

        var opened = Assert.Single(app.BotComments, c => c.Body.Contains("**Voting is open**", StringComparison.Ordinal));
        Assert.Contains("@alice @bob", opened.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("erin", opened.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("erin", app.Status, StringComparison.Ordinal);
        app.AssertNoViolations();
    }
}
