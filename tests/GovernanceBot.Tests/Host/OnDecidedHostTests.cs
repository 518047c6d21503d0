using System.Globalization;
using System.Text;
using GovernanceBot.Tests.Fakes;
using Serilog.Core;
using Serilog.Events;

namespace GovernanceBot.Tests.Host;

/// <summary><c>on_decided</c> against GitHub on the wire, every request validated by Prism: announce, lock, close, once.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class OnDecidedHostTests(GitHubBehindPrism wire)
{
    private const string Community = "octo-org/community";
    private const int Announcements = 3;
    private static readonly DateTimeOffset VotingOpens = GovernanceApp.DefaultStart + TimeSpan.FromDays(14);

    private sealed class Capture : ILogEventSink
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_lines) _lines.Add(logEvent.Level + " " + logEvent.RenderMessage(CultureInfo.InvariantCulture));
        }
    }

    private static string Config(string target) =>
        $"tsc:\n  members: [alice, bob, carol]\nprocesses:\n  rfc:\n    on_decided: {{ announce: \"{target}\", lock: true, close: approved }}\n";

    private static async Task ApprovedAsync(GovernanceApp app)
    {
        await app.StartAsync();
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromSeconds(5));
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.VoteAsync("alice", "+1");
        await app.VoteAsync("bob", "+1");
        await app.VoteAsync("carol", "+1");
        await app.SettleAsync(() => app.BotCommentsWith("📋").Count + app.BotCommentsWith("⚠️ The outcome could not be announced").Count > 0);
    }

    [Fact]
    public async Task Once_approved_the_outcome_is_announced_and_the_issue_locked_and_closed_once_across_a_restart()
    {
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Config = Config($"{Community}#{Announcements}"),
            Given = github => github.RfcRepository(Config($"{Community}#{Announcements}"))
                .GivenInstallation(Given.Installation, Given.Repo, Community)
                .GivenIssue(Community, Announcements, "Decisions of the TSC", "alice"),
        });
        await ApprovedAsync(app);

        Assert.True(app.Has("governance/approved"));
        var announcement = Assert.Single(app.GitHub.Comments(Community, Announcements), c => c.IsBot);
        Assert.Contains($"📣 [{Given.Repo}#{Given.Issue}](https://github.com/{Given.Repo}/issues/{Given.Issue}) (RFC) “RFC: adopt a release train”: **approved** on", announcement.Body, StringComparison.Ordinal);
        Assert.Contains("(3 × +1, 0 × 0, 0 × -1; 3 of 3 TSC members voted)", announcement.Body, StringComparison.Ordinal);
        Assert.True(app.GitHub.IsLocked(Given.Repo, Given.Issue));
        Assert.False(app.GitHub.IsOpen(Given.Repo, Given.Issue), string.Join("\n", app.GitHub.Exchanges().Where(e => e.Request.Method != "GET").Select(e => $"{e.Request.Method} {e.Request.Path} {e.Status} {e.Request.Body}")));
        var record = Assert.Single(app.BotCommentsWith("📋"));
        Assert.Contains($"the outcome is announced on [{Community}#{Announcements}]", record.Body, StringComparison.Ordinal);
        Assert.Contains("this conversation is locked; this issue is closed.", record.Body, StringComparison.Ordinal);

        // Someone reopens it; the bot restarts and sweeps: nothing is announced, locked or closed again.
        app.GitHub.ReopenIssue(Given.Repo, Given.Issue, "dana");
        await app.StopAsync();
        await app.AdvanceAsync(TimeSpan.FromHours(1));
        await app.StartAsync();
        await app.DeliverAsync("issues", Given.Labeled());
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.SettleAsync();

        Assert.Single(app.GitHub.Comments(Community, Announcements), c => c.IsBot);
        Assert.True(app.GitHub.IsOpen(Given.Repo, Given.Issue));
        Assert.Single(app.BotCommentsWith("📋"));
        Assert.Single(app.GitHub.Requests(), r => r.Method == "PUT" && r.Path.EndsWith($"/issues/{Given.Issue}/lock", StringComparison.Ordinal));
        Assert.Single(app.GitHub.Requests(), r => r.Method == "PATCH" && r.Path.EndsWith($"/repos/{Given.Repo}/issues/{Given.Issue}", StringComparison.Ordinal));
        app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task An_announcement_issue_outside_the_installation_is_reported_once_with_a_reason_and_not_tried_again()
    {
        var logs = new Capture();
        const string Elsewhere = "other-org/news#1";
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Config = Config(Elsewhere),
            // Another installation of the App (another account) holds the target: this installation's token does not cover it.
            Given = github => github.RfcRepository(Config(Elsewhere)).GivenInstallation(77, "other-org/news").GivenIssue("other-org/news", 1, "News", "zoe"),
            Logs = logs,
        });
        await ApprovedAsync(app);

        var problem = Assert.Single(app.BotCommentsWith("⚠️ The outcome could not be announced on other-org/news#1"));
        Assert.Contains("its repository is not covered by this installation of the App", problem.Body, StringComparison.Ordinal);
        Assert.Contains("this conversation is locked; this issue is closed.", problem.Body, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("refused the announcement on", StringComparison.Ordinal) && l.Contains("other-org/news#1", StringComparison.Ordinal));
        Assert.Empty(app.GitHub.Comments("other-org/news", 1));

        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.VoteAsync("zoe", "+1");
        await app.SettleAsync();
        Assert.Single(app.GitHub.Requests(), r => r.Path.StartsWith("/repos/other-org/news/", StringComparison.Ordinal));
        app.AssertNoViolations(responsesToo: false);
    }
}
