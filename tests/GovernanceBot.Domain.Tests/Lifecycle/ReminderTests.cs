using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary><c>remind</c>: one comment per round and offset before the voting deadline, to those without a counted vote.</summary>
public sealed class ReminderTests
{
    // The default profile: discussion 14d, voting 7d, so the vote closes at day 21 and the default reminder (48h) is due at day 19.
    private static IssueStory Story(params TimeSpan[] remind)
    {
        var story = new IssueStory("alice", "bob", "carol", "dave", "erin");
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { Remind = remind })] };
        return story;
    }

    private static IssueStory DefaultStory() => new("alice", "bob", "carol", "dave", "erin");

    private static IEnumerable<CommentFact> Reminders(IssueStory story) =>
        story.BotComments.Where(c => Markers.KeyOf(c.Body)?.StartsWith("reminder:", StringComparison.Ordinal) == true);

    [Fact]
    public void The_default_reminder_mentions_exactly_the_members_who_have_not_voted_48_hours_before_the_deadline()
    {
        var story = DefaultStory().Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote -1 Not yet.").Comment(15.5, "zoe", "/vote +1");
        Assert.DoesNotContain(story.BotRunsAt(18.9).Comments, c => c.Key.StartsWith("reminder:", StringComparison.Ordinal));

        story.BotRunsAt(19);

        var reminder = Assert.Single(Reminders(story));
        Assert.Contains("@carol @dave @erin: you have not voted yet.", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@alice", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@bob", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@zoe", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@dana", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("2 of 5 voted; 1 more vote reaches quorum;", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_is_posted_once_however_often_the_bot_looks_again()
    {
        var story = DefaultStory().Label(0).Comment(14.5, "alice", "/vote +1");
        story.BotRunsAt(19);
        story.BotRunsAt(19.5);
        story.Comment(20, "bob", "/vote +1");
        story.BotRunsAt(20.1);

        Assert.Single(Reminders(story));
    }

    [Fact]
    public void No_reminder_when_every_member_has_voted()
    {
        var story = Story(TimeSpan.FromHours(48)).Label(0);
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { Rules = p.Rules with { CloseEarly = EarlyClose.Never } })] };
        foreach (var m in story.Tsc) story.Comment(15, m, "/vote +1");

        var decision = story.BotRunsAt(19.5);

        Assert.Equal("voting", decision.Outcome);
        Assert.Empty(Reminders(story));
        Assert.Null(decision.ReminderAt);
    }

    [Fact]
    public void An_empty_remind_list_posts_nothing()
    {
        var story = Story().Label(0);
        Assert.Null(story.BotRunsAt(15).ReminderAt);
        story.BotRunsAt(20);
        Assert.Empty(Reminders(story));
    }

    [Fact]
    public void The_next_wake_up_is_the_next_reminder_before_the_deadline()
    {
        var story = Story(TimeSpan.FromDays(3), TimeSpan.FromHours(6)).Label(0).Comment(14.5, "alice", "/vote +1");

        Assert.Null(story.BotRunsAt(1).ReminderAt);
        var voting = story.BotRunsAt(15);
        Assert.Equal(IssueStory.Day(18), voting.ReminderAt);
        Assert.Equal(IssueStory.Day(21), voting.NextDeadline);
        Assert.Equal(IssueStory.Day(18), story.BotRunsAt(17.9).RefreshAt);
        Assert.Equal(IssueStory.Day(21) - TimeSpan.FromHours(6), story.BotRunsAt(18).ReminderAt);
        Assert.Null(story.BotRunsAt(21 - 0.25).ReminderAt);
        Assert.Equal(2, Reminders(story).Count());
    }

    [Fact]
    public void A_bot_that_was_down_posts_only_the_latest_reminder_due_and_only_while_the_vote_is_open()
    {
        var story = Story(TimeSpan.FromDays(3), TimeSpan.FromDays(2), TimeSpan.FromHours(6)).Label(0).Comment(14.5, "alice", "/vote +1");
        story.BotRunsAt(14.5);

        story.BotRunsAt(19.5);

        var reminder = Assert.Single(Reminders(story));
        Assert.Equal(Markers.ReminderKey("rfc@20260302T100000Z", TimeSpan.FromDays(2)), Markers.KeyOf(reminder.Body));

        story.BotRunsAt(22);
        Assert.Single(Reminders(story));
    }

    [Fact]
    public void No_reminder_falls_before_voting_opens()
    {
        var story = Story(TimeSpan.FromDays(10)).Label(0);
        Assert.Null(story.BotRunsAt(14).ReminderAt);
        story.BotRunsAt(20);
        Assert.Empty(Reminders(story));
    }

    [Fact]
    public void No_reminder_once_the_vote_is_decided()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(14.5, "alice", "/vote +1").Comment(14.6, "bob", "/vote +1").Comment(14.7, "carol", "/vote +1");
        story.BotRunsAt(19.5);
        Assert.Empty(Reminders(story));
    }

    [Fact]
    public void The_reminder_says_what_is_still_needed() =>
        Golden.Verify("reminder", Assert.Single(
            DefaultStory().Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote 0").BotRunsAt(19.25).Comments,
            c => c.Key.StartsWith("reminder:", StringComparison.Ordinal)).Body);
}
