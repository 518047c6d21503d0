using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The write plan: the one difference between what the decision wants and what the issue shows.</summary>
public sealed class WritePlanTests
{
    private static (Decision Decision, WritePlan Plan) PlanAt(IssueStory story, double day)
    {
        var facts = story.FactsAt(day);
        var decision = Governance.Decide(facts);
        return (decision, WritePlan.For(facts, decision));
    }

    [Fact]
    public void A_new_process_creates_the_status_comment_and_adds_the_discussion_label()
    {
        var (decision, plan) = PlanAt(new IssueStory().Label(0), 0);

        Assert.Equal(new StatusEdit(StatusChange.Create, decision.StatusComment, null), plan.Status);
        Assert.Equal([PhaseLabels.Discussion], plan.LabelsToAdd);
        Assert.Empty(plan.LabelsToRemove);
    }

    [Fact]
    public void Once_applied_the_plan_for_the_same_moment_is_empty()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);

        var (_, plan) = PlanAt(story, 14);

        Assert.True(plan.IsEmpty, $"{plan}");
    }

    [Fact]
    public void A_claim_line_in_the_status_comment_is_not_a_difference()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.EditStatus(0, Bot, body => body + Markers.Claim("replica-a") + "\n");

        var (_, plan) = PlanAt(story, 0);

        Assert.Equal(StatusChange.None, plan.Status.Change);
        Assert.NotNull(plan.Status.ExistingId);
    }

    [Fact]
    public void When_voting_opens_the_status_is_edited_and_the_discussion_label_swapped_for_the_voting_one()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);

        var (decision, plan) = PlanAt(story, 14);

        Assert.Equal(new StatusEdit(StatusChange.Edit, decision.StatusComment, Governance.StatusComments(story.Comments, Bot).Single().Id), plan.Status);
        Assert.Equal([PhaseLabels.Discussion], plan.LabelsToRemove);
        Assert.Equal([PhaseLabels.Voting], plan.LabelsToAdd);
        Assert.Equal([Markers.VotingOpenedKey(Round.KeyFor("rfc", T0))], plan.Comments.Select(c => c.Key));
    }

    [Fact]
    public void Transitions_are_posted_before_replies_and_posted_comments_are_left_out()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.Comment(13, "alice", "/vote +1");

        var (decision, plan) = PlanAt(story, 14);

        // The decision lists the reply to the early vote first; the plan posts "voting opened" before it.
        Assert.Equal(2, decision.Comments.Count);
        Assert.StartsWith("reply:", decision.Comments[0].Key, StringComparison.Ordinal);
        Assert.Equal([decision.Comments[1], decision.Comments[0]], plan.Comments);

        story.BotRunsAt(14);
        Assert.Empty(WritePlan.NotYetPosted(decision.Comments, story.Comments, Bot));
    }

    [Fact]
    public void A_merge_before_the_decision_plans_the_cancelled_comment_the_label_and_a_failing_check()
    {
        var story = new IssueStory().AsPullRequest().Label(0);
        story.BotRunsAt(14);
        story.Merge(15);

        var (_, plan) = PlanAt(story, 15);

        Assert.StartsWith("cancelled:", Assert.Single(plan.Comments).Key, StringComparison.Ordinal);
        Assert.Equal([PhaseLabels.Voting], plan.LabelsToRemove);
        Assert.Equal([PhaseLabels.Cancelled], plan.LabelsToAdd);
        Assert.Equal(StatusChange.Edit, plan.Status.Change);
        Assert.Equal((CheckStatus.Completed, CheckConclusion.Failure), (plan.Check!.Status, plan.Check.Conclusion));
    }

    [Fact]
    public void A_plain_issue_plans_no_check()
    {
        var (_, plan) = PlanAt(new IssueStory().Label(0), 1);

        Assert.Null(plan.Check);
    }

    [Theory]
    [InlineData("close")]
    [InlineData("command")]
    [InlineData("merge")]
    public void Once_a_cancellation_during_voting_is_applied_the_next_plan_is_empty_and_keeps_the_votes_cast_before(string how)
    {
        var story = how == "merge" ? new IssueStory().AsPullRequest().Label(0) : new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.BotRunsAt(14);
        story.Comment(15, "alice", "/vote +1");
        story.BotRunsAt(15);
        _ = how switch
        {
            "close" => story.Close(16),
            "command" => story.Comment(16, "dana", "/governance cancel"),
            _ => story.Merge(16),
        };
        story.BotRunsAt(16);

        // The next reconcile reads the round back from the record the cancelling one wrote: the same status, nothing to write.
        var (decision, plan) = PlanAt(story, 16.5);

        Assert.True(plan.IsEmpty, $"{plan.Status.Change}: {plan.Status.Body}");
        Assert.Contains("| alice | +1 |", decision.StatusComment, StringComparison.Ordinal);
    }
}
