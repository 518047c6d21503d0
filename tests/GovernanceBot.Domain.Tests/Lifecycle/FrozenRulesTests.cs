using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The rules are frozen when voting opens, as the electorate is (issue 8, defect 5).</summary>
[Trait("Category", "Hostile")]
public sealed class FrozenRulesTests
{
    private static GovernancePolicy With(GovernancePolicy policy, Func<ProcessProfile, ProcessProfile> change) =>
        policy with { Processes = [.. policy.Processes.Select(change)] };

    private static ProcessProfile ThreeFifths(ProcessProfile p) => p with { Rules = p.Rules with { Approval = new Fraction(3, 5) } };

    /// <summary>3 × +1, 1 × -1, 1 × 0 of 5: rejected under 2/3, approved under 3/5.</summary>
    private static IssueStory VotesFrom(IssueStory story, double day) => story
        .Comment(day, "alice", "/vote +1").Comment(day + 0.1, "bob", "/vote +1").Comment(day + 0.2, "carol", "/vote +1")
        .Comment(day + 0.3, "dave", "/vote -1 Not yet.").Comment(day + 0.4, "erin", "/vote 0");

    [Fact]
    public void An_approval_changed_mid_vote_does_not_change_the_running_vote_and_the_status_says_so()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        story.Policy = With(story.Policy, ThreeFifths);
        var voting = story.BotRunsAt(14.05);
        Assert.Contains("The configuration changed on 2026-03-16 11:12 UTC; this vote keeps the rules it opened with.", voting.StatusComment);

        VotesFrom(story, 14.1);
        var decided = story.BotRunsAt(15);

        Assert.Equal("rejected", decided.Outcome);
        Assert.Contains("3 of 5 votes are +1, at least 4 needed ❌", decided.StatusComment);
        Assert.Contains("The configuration changed on 2026-03-16 11:12 UTC; this vote keeps the rules it opened with.", decided.StatusComment);
        Golden.Verify("status-rules-changed", decided.StatusComment!);
        Assert.Equal("rejected", story.BotRunsAt(16).Outcome);
    }

    [Fact]
    public void The_changed_configuration_applies_from_the_next_round()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        story.Policy = With(story.Policy, ThreeFifths);
        VotesFrom(story, 14.1);
        Assert.Equal("rejected", story.BotRunsAt(15).Outcome);

        story.Unlabel(16).Label(17);
        story.BotRunsAt(31);
        VotesFrom(story, 31.1);
        var second = story.BotRunsAt(32);

        Assert.Equal("approved", second.Outcome);
        Assert.DoesNotContain("The configuration changed", second.StatusComment);
    }

    [Fact]
    public void A_shorter_voting_period_configured_mid_vote_does_not_move_the_deadline()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        story.Policy = With(story.Policy, p => p with { Voting = TimeSpan.FromDays(2) });

        var decision = story.BotRunsAt(17);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal(Day(21), decision.NextDeadline);
    }

    [Fact]
    public void Without_a_change_nothing_is_said()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        Assert.DoesNotContain("The configuration changed", story.BotRunsAt(15).StatusComment);
    }
}
