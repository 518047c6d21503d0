using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>Reminders (<c>remind</c>) on a fake clock against GitHub on the wire: on time, once, across restarts.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class ReminderHostTests(GitHubBehindPrism wire)
{
    private static readonly DateTimeOffset VotingOpens = GovernanceApp.DefaultStart + TimeSpan.FromDays(14);
    private static readonly DateTimeOffset VotingCloses = VotingOpens + TimeSpan.FromDays(7);
    private static readonly DateTimeOffset ReminderDue = VotingCloses - TimeSpan.FromHours(48);

    // 49h57m before the deadline falls between two "time left" refreshes and between two sweeps: only the reminder's own
    // wake-up posts it on time.
    private static readonly DateTimeOffset OffBeatReminderDue = VotingCloses - (TimeSpan.FromHours(49) + TimeSpan.FromMinutes(57));
    private const string Reminder = "⏰ **Reminder:**";

    private GovernanceApp FiveMemberTsc(string processes = "") =>
        new(wire, new GovernanceAppOptions { Config = "tsc:\n  members: [alice, bob, carol, dave, erin]\n" + processes });

    private static async Task VotingOpensAsync(GovernanceApp app)
    {
        await app.StartAsync();
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromSeconds(5));
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.Status.Contains("| alice | +1 |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reminder_is_posted_on_time_to_the_members_who_have_not_voted_and_only_once_across_a_restart()
    {
        await using var app = FiveMemberTsc("processes:\n  rfc: { remind: [49h57m] }\n");
        await VotingOpensAsync(app);

        await app.AdvanceToAsync(OffBeatReminderDue - TimeSpan.FromSeconds(1));
        await app.SettleAsync();
        Assert.Empty(app.BotCommentsWith(Reminder));

        await app.AdvanceToAsync(OffBeatReminderDue + TimeSpan.FromSeconds(5));
        await app.SettleAsync(() => app.BotCommentsWith(Reminder).Count > 0);
        var reminder = Assert.Single(app.BotCommentsWith(Reminder));
        Assert.InRange(reminder.CreatedAt, OffBeatReminderDue, OffBeatReminderDue + TimeSpan.FromSeconds(5));
        Assert.Contains("@bob @carol @dave @erin: you have not voted yet.", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@alice", reminder.Body, StringComparison.Ordinal);

        // A restart, a second start with nothing new and a sweep: the marker keeps it to one.
        await app.StopAsync();
        await app.AdvanceAsync(TimeSpan.FromHours(1));
        await app.StartAsync();
        await app.StartAsync();
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.SettleAsync();

        Assert.Single(app.BotCommentsWith(Reminder));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_bot_down_over_the_reminder_posts_it_late_once_while_the_vote_is_open_and_not_after_it_closed()
    {
        await using var app = FiveMemberTsc();
        await VotingOpensAsync(app);
        await app.StopAsync();

        await app.AdvanceToAsync(ReminderDue + TimeSpan.FromHours(3));
        await app.StartAsync();
        await app.SettleAsync(() => app.BotCommentsWith(Reminder).Count > 0);
        await app.StartAsync();
        await app.SettleAsync();
        Assert.Single(app.BotCommentsWith(Reminder));

        await app.StopAsync();
        await app.AdvanceToAsync(VotingCloses + TimeSpan.FromHours(1));
        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/no-quorum"));
        Assert.Single(app.BotCommentsWith(Reminder));
        app.AssertNoViolations();
    }
}
