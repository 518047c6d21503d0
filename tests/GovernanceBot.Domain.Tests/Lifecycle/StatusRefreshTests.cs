using System.Text.RegularExpressions;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The "time left" text changes once a day, then hourly in the last day: that is what a process costs in status edits.</summary>
public sealed partial class StatusRefreshTests
{
    [Fact]
    public void A_two_week_discussion_and_a_one_week_vote_cost_37_and_30_time_left_edits_and_never_overstate_the_time_left()
    {
        // Nobody votes, so the process runs its whole 14 + 7 days; the bot wakes only when its decision asks it to.
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        var now = Day(0);
        var refreshes = new Dictionary<Phase, int> { [Phase.Discussion] = 0, [Phase.Voting] = 0 };
        var transitions = 0;
        while (true)
        {
            var facts = story.FactsAt(now);
            var decision = Governance.Decide(facts);
            var plan = WritePlan.For(facts, decision);
            var edit = plan.Status.Change == StatusChange.Edit;
            story.BotRunsAt(now);
            if (edit && plan.Comments.Count > 0) transitions++;
            if (decision.NextDeadline is not { } deadline) break;

            var phase = decision.PhaseLabels.Contains(PhaseLabels.Voting) ? Phase.Voting : Phase.Discussion;
            AssertHonest(decision.StatusComment!, deadline - now);
            if (edit && plan.Comments.Count == 0) refreshes[phase]++;

            var next = decision.RefreshAt!.Value;
            Assert.True(next > now && next <= deadline, $"refresh at {next:O} after {now:O}, deadline {deadline:O}");
            Assert.Equal(TimeText.Left(deadline, now), TimeText.Left(deadline, next - TimeSpan.FromSeconds(1)));
            now = next;
        }

        // 13 daily drops (14 → 1 day), one to "23h left", 23 hourly ones to "less than 1h left"; then 6 + 1 + 23 for the vote.
        Assert.Equal(37, refreshes[Phase.Discussion]);
        Assert.Equal(30, refreshes[Phase.Voting]);
        Assert.Equal(2, transitions); // voting opened, closed without quorum: 37 + 30 + 2 = 69 status edits in all
        Assert.Equal("no-quorum", Governance.Decide(story.FactsAt(now)).Outcome);
    }

    [Theory]
    [InlineData(14 * 24 * 3600, "14 days left")]
    [InlineData(14 * 24 * 3600 - 1, "13 days left")]
    [InlineData(2 * 24 * 3600 - 1, "1 day left")]
    [InlineData(24 * 3600, "1 day left")]
    [InlineData(24 * 3600 - 1, "23h left")]
    [InlineData(3600, "1h left")]
    [InlineData(3599, "less than 1h left")]
    [InlineData(0, "closing now")]
    public void The_time_left_is_rounded_down_to_whole_days_then_whole_hours(int seconds, string expected)
    {
        var deadline = Day(14);
        Assert.Equal(expected, TimeText.Left(deadline, deadline - TimeSpan.FromSeconds(seconds)));
    }

    /// <summary>The text in the status comment's heading claims no more time than is left, and at most one unit less.</summary>
    private static void AssertHonest(string status, TimeSpan left)
    {
        var text = LeftText().Match(status);
        Assert.True(text.Success, status);
        var (claimed, unit) = text.Groups["n"].Success
            ? (int.Parse(text.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), text.Groups["unit"].Value == "h" ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1))
            : (0, TimeSpan.FromHours(1));
        Assert.True(claimed * unit <= left && left < (claimed + 1) * unit, $"\"{text.Value}\" with {left} left");
    }

    [GeneratedRegex(@"\((?:(?<n>\d+)(?<unit>h| days?)|less than 1h) left\)")]
    private static partial Regex LeftText();
}
