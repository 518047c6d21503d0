using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>Deadlines that never slip: timers, restarts and the sweep, on a fake clock against GitHub on the wire.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DeadlineTests(GitHubBehindPrism wire)
{
    private static readonly DateTimeOffset Start = GovernanceApp.DefaultStart;
    private static readonly DateTimeOffset VotingOpens = Start + TimeSpan.FromDays(14);
    private static readonly DateTimeOffset VotingCloses = VotingOpens + TimeSpan.FromDays(7);

    private GovernanceApp FiveMemberTsc() => new(wire, new GovernanceAppOptions { Config = "tsc:\n  members: [alice, bob, carol, dave, erin]\n" });

    /// <summary>The bot starts; dana labels the issue and the discussion opens.</summary>
    private static async Task DiscussionOpensAsync(GovernanceApp app)
    {
        await app.StartAsync();
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
    }

    private static string History(GovernanceApp app) => string.Join("\n", app.GitHub.Events(GovernanceApp.Repo, GovernanceApp.Issue));

    [Fact]
    public async Task Voting_opens_within_five_seconds_of_virtual_time_after_the_discussion_deadline()
    {
        await using var app = FiveMemberTsc();
        await DiscussionOpensAsync(app);

        await app.AdvanceToAsync(VotingOpens - TimeSpan.FromSeconds(1));
        Assert.True(app.Has("governance/discussion"), History(app) + "\n" + app.Status);

        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromSeconds(5));
        await app.SettleAsync(() => app.Has("governance/voting"));
        var opened = Assert.Single(app.BotCommentsWith("**Voting is open**"));
        Assert.True(opened.CreatedAt >= VotingOpens && opened.CreatedAt <= VotingOpens + TimeSpan.FromSeconds(5),
            History(app) + "\n" + string.Join("\n", app.Comments.Select(c => $"{c.Id} {c.CreatedAt:O} {c.UpdatedAt:O} {c.Body[..60]}")));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task The_decision_counts_a_vote_one_second_before_the_deadline_and_ignores_one_a_second_after()
    {
        await using var app = FiveMemberTsc();
        await DiscussionOpensAsync(app);
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromHours(1));
        app.CommentWithoutWebhook("alice", "/vote +1");
        app.CommentWithoutWebhook("bob", "/vote +1", VotingCloses - TimeSpan.FromSeconds(1));

        // The bot is down over the deadline; carol's vote comes a second too late.
        await app.StopAsync();
        app.CommentWithoutWebhook("carol", "/vote +1", VotingCloses + TimeSpan.FromSeconds(1));
        await app.AdvanceToAsync(VotingCloses + TimeSpan.FromHours(2));
        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/no-quorum"));

        Assert.Contains("2 of 5 TSC members voted, quorum is 3 ❌", app.Status);
        Assert.Contains("| bob | +1 |", app.Status);
        Assert.Contains("| carol | not voted |", app.Status);
        Assert.Single(app.BotCommentsWith("**Closed without quorum.**"));
        Assert.Single(app.BotCommentsWith("the vote closed on 2026-05-25 09:00 UTC and its result is final"));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task After_a_restart_past_a_deadline_the_transition_happens_once()
    {
        await using var app = FiveMemberTsc();
        await DiscussionOpensAsync(app);
        await app.StopAsync();

        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromDays(1));
        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.StartAsync(); // and once more, with nothing new
        await app.AdvanceAsync(TimeSpan.FromMinutes(5)); // a periodic sweep

        Assert.Single(app.BotCommentsWith("**Voting is open**"));
        Assert.Single(app.BotCommentsWith(GovernanceApp.StatusMarker));
        Assert.Equal(["rfc", "governance/voting"], app.Labels);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_vote_whose_webhook_was_lost_is_counted_by_the_next_sweep()
    {
        await using var app = FiveMemberTsc();
        await DiscussionOpensAsync(app);
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromMinutes(1));

        app.CommentWithoutWebhook("alice", "/vote +1"); // no webhook arrives
        await app.SettleAsync();
        Assert.Contains("| alice | not voted |", app.Status);

        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.SettleAsync(() => app.Status.Contains("| alice | +1 |", StringComparison.Ordinal));
        Assert.Contains("1 of 5 TSC members voted", app.Status);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task When_the_rate_limit_runs_low_the_sweep_backs_off_and_webhooks_keep_working()
    {
        await using var app = FiveMemberTsc();
        await DiscussionOpensAsync(app);
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromMinutes(1));

        // The bot learns the budget is low from GitHub's answers to webhook-driven work (the sweep itself asks nothing).
        app.GitHub.RateLimitRemaining = 120; // of 5000: below a tenth
        await app.VoteAsync("bob", "+1");
        await app.SettleAsync(() => app.Status.Contains("| bob | +1 |", StringComparison.Ordinal));

        app.CommentWithoutWebhook("alice", "/vote +1"); // its webhook is lost
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Contains("| alice | not voted |", app.Status);

        await app.VoteAsync("carol", "+1");
        await app.SettleAsync(() => app.Status.Contains("| carol | +1 |", StringComparison.Ordinal));
        app.AssertNoViolations();
    }
}
