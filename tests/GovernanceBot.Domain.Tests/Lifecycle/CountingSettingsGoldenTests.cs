using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The comments the counting settings make the bot write, pinned word for word, and the rounds behind them.</summary>
public sealed class CountingSettingsGoldenTests
{
    private static string Transition(Decision d, string prefix) => Assert.Single(d.Comments, c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Body;

    private static IssueStory With(IssueStory story, Func<ProcessProfile, ProcessProfile> change)
    {
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(change)] };
        return story;
    }

    private static ProcessProfile Rules(ProcessProfile p, Func<VotingRules, VotingRules> change) => p with { Rules = change(p.Rules) };

    [Fact]
    public void Decided_closes_an_approval_as_soon_as_the_missing_votes_cannot_undo_it_and_says_why()
    {
        // Five members, quorum 3, 2/3: four +1 stay approved even if the fifth votes -1 (4 of 5).
        var story = With(new IssueStory().Label(0), p => Rules(p, r => r with { CloseEarly = EarlyClose.Decided }))
            .Comment(14.1, "alice", "/vote +1").Comment(14.2, "bob", "/vote +1").Comment(14.3, "carol", "/vote +1");
        Assert.Equal("voting", story.BotRunsAt(14.35).Outcome);

        story.Comment(14.4, "dave", "/vote +1");
        var decision = story.BotRunsAt(14.5);

        Assert.Equal("approved", decision.Outcome);
        Assert.Contains("vote closed early: no missing vote could change the outcome", decision.StatusComment);
        Golden.Verify("decision-decided-early", Transition(decision, "decision:"));
    }

    [Fact]
    public void Min_voting_holds_the_early_close_until_the_vote_has_been_open_that_long()
    {
        var story = With(new IssueStory().Label(0), p => Rules(p, r => r with { CloseEarly = EarlyClose.Decided, MinVoting = TimeSpan.FromDays(2) }))
            .Comment(14.1, "alice", "/vote +1").Comment(14.2, "bob", "/vote +1").Comment(14.3, "carol", "/vote +1").Comment(14.4, "dave", "/vote +1");

        var held = story.BotRunsAt(15.9);
        Assert.Equal("voting", held.Outcome);
        Assert.Equal(IssueStory.Day(16), held.NextDeadline);
        Assert.Contains("or as soon as no missing vote can change the outcome (not before 2026-03-18 10:00 UTC)", held.StatusComment);

        var closed = story.BotRunsAt(16);
        Assert.Equal("approved", closed.Outcome);
        Assert.Contains("closed on 2026-03-18 10:00 UTC, early", Transition(closed, "decision:"));
    }

    [Fact]
    public void Min_approvals_rejects_a_vote_the_share_would_approve_and_says_why()
    {
        // Three members: two +1 and one 0 is 2 of 3 (2/3 met), but min_approvals asks for 3.
        var story = With(new IssueStory("alice", "bob", "carol").Label(0), p => Rules(p, r => r with { MinApprovals = 3 }))
            .Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote 0");
        var decision = story.BotRunsAt(16);

        Assert.Equal("rejected", decision.Outcome);
        Golden.Verify("decision-min-approvals", Transition(decision, "decision:"));
    }

    [Fact]
    public void Start_by_tsc_refuses_an_outsiders_label_once_and_politely_and_a_members_label_starts_the_process()
    {
        var story = With(new IssueStory().Label(0, by: "zoe"), p => p with { StartBy = StartBy.Tsc });
        var refused = story.BotRunsAt(0.1);

        Assert.Null(refused.StatusComment);
        Assert.Empty(refused.PhaseLabels);
        Golden.Verify("start-refused", Transition(refused, "start-refused:"));
        story.BotRunsAt(0.2);
        Assert.Single(story.BotComments, c => c.Body.Contains("governance-bot:start-refused:rfc", StringComparison.Ordinal));

        story.Unlabel(1, by: "alice").Label(1.1, by: "alice");
        var started = story.BotRunsAt(1.2);
        Assert.Equal("discussion", started.Outcome);
        Assert.Contains("label applied by alice", started.StatusComment);
    }

    [Fact]
    public void Start_by_tsc_set_later_stops_no_vote_that_has_opened()
    {
        var story = new IssueStory().Label(0, by: "zoe");
        story.BotRunsAt(14.1);
        With(story, p => p with { StartBy = StartBy.Tsc });
        Assert.Equal("voting", story.BotRunsAt(15).Outcome);
    }

    [Theory]
    [InlineData(EarlyClose.AllVoted)]
    [InlineData(EarlyClose.Decided)]
    public void A_member_editing_an_ordinary_comment_later_does_not_hold_back_the_early_close(EarlyClose close)
    {
        var story = With(new IssueStory("alice", "bob", "carol").Label(0), p => Rules(p, r => r with { CloseEarly = close }))
            .Comment(14.1, "alice", "/vote +1").Comment(14.2, "alice", "Thanks for writing this up.");
        var chat = story.LastCommentId;
        story.Comment(14.3, "bob", "/vote +1").Comment(14.4, "carol", "/vote +1").Edit(chat, 18, "Thanks for writing this up!");

        Assert.Equal("approved", story.BotRunsAt(19).Outcome);
        Assert.Contains("closed on 2026-03-16 ", Transition(story.BotRunsAt(19), "decision:"));
    }
}
