using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>A process on a pull request: the same lifecycle, cancelled by a merge before the decision, and the proposal changes it sees.</summary>
public sealed class PullRequestLifecycleTests
{
    private static IssueStory Story(ProposalChangesMode mode = ProposalChangesMode.Flag)
    {
        var story = new IssueStory("alice", "bob", "carol").AsPullRequest();
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { ProposalChanges = mode })] };
        return story;
    }

    [Fact]
    public void A_pull_request_runs_the_same_lifecycle_as_an_issue()
    {
        var story = Story().Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote 0");

        Assert.Equal("approved", story.BotRunsAt(16).Outcome);
    }

    [Fact]
    public void A_merge_before_the_decision_cancels_the_process_with_a_comment_saying_so()
    {
        var story = Story().Label(0).Comment(14.5, "alice", "/vote +1").Merge(15, by: "erin");

        var decision = story.BotRunsAt(15.5);

        Assert.Equal("cancelled", decision.Outcome);
        Assert.Equal(EndReason.Merged, decision.Rounds[^1].EndReason);
        var comment = Assert.Single(decision.Comments, c => c.Key.StartsWith("cancelled:", StringComparison.Ordinal));
        Assert.Contains("merged by erin before the vote was decided", comment.Body, StringComparison.Ordinal);
        Assert.Equal([PhaseLabels.Cancelled], decision.PhaseLabels);
    }

    [Fact]
    public void A_merge_is_a_cancellation_even_when_its_closed_event_was_not_read()
    {
        var story = Story().Label(0);
        var facts = story.FactsAt(3);
        facts = facts with { PullRequest = facts.PullRequest! with { MergedAt = IssueStory.Day(2), MergedBy = "erin" } };

        var round = Governance.Decide(facts).Rounds[^1];

        Assert.Equal((Phase.Cancelled, EndReason.Merged, IssueStory.Day(2)), (round.Phase, round.EndReason, round.EndedAt!.Value));
    }

    [Fact]
    public void A_merge_after_the_decision_changes_nothing()
    {
        var story = Story().Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote +1");
        var decided = story.BotRunsAt(16);
        story.Merge(17);

        var later = story.BotRunsAt(18);

        Assert.Equal("approved", later.Outcome);
        Assert.Equal(decided.StatusComment, later.StatusComment);
        Assert.DoesNotContain(later.Comments, c => c.Key.StartsWith("cancelled:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trigger_label_on_a_merged_pull_request_starts_nothing_even_without_its_closed_event()
    {
        var story = Story().Label(3);
        var facts = story.FactsAt(4);
        facts = facts with { PullRequest = facts.PullRequest! with { MergedAt = IssueStory.Day(2), MergedBy = "erin" } };

        var decision = Governance.Decide(facts);

        Assert.Empty(decision.Rounds);
        Assert.Null(decision.StatusComment);
    }

    [Fact]
    public void Commits_pushed_after_a_cancellation_are_not_flagged_on_the_cancelled_round()
    {
        var story = Story().Label(0).Push(14.2, "During the vote").Unlabel(15).Push(16, "After the cancellation");

        var round = story.BotRunsAt(17).Rounds[^1];

        Assert.Equal(["During the vote"], round.Changes.Commits.Select(c => c.Headline));
    }

    [Fact]
    public void Commits_pushed_after_approval_are_still_flagged()
    {
        var story = Story().Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote +1").Push(17, "After approval");

        var decision = story.BotRunsAt(18);

        Assert.Equal("approved", decision.Outcome);
        Assert.Contains("1 commit pushed after voting opened**:", decision.StatusComment, StringComparison.Ordinal);
        Assert.DoesNotContain("the vote goes on", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_a_pull_request_without_merging_cancels_it_in_those_words()
    {
        var story = Story().Label(0).Close(3, by: "dana");

        var decision = story.BotRunsAt(4);

        Assert.Equal(EndReason.PullRequestClosed, decision.Rounds[^1].EndReason);
        Assert.Contains("the pull request was closed by dana", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Commits_pushed_after_voting_opened_are_listed_and_the_vote_goes_on()
    {
        var story = Story().Label(0).Push(5, "Before the vote").Push(14.2, "Reword section 2").Push(14.3, "Add migration plan").Comment(14.5, "alice", "/vote +1");

        var decision = story.BotRunsAt(15);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal(["Reword section 2", "Add migration plan"], decision.Rounds[^1].Changes.Commits.Select(c => c.Headline));
        Assert.Contains("2 commits pushed after voting opened", decision.StatusComment, StringComparison.Ordinal);
        Assert.DoesNotContain("Before the vote", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Commits_during_the_discussion_are_not_flagged()
    {
        var decision = Story().Label(0).Push(5).BotRunsAt(10);

        Assert.False(decision.Rounds[^1].Changes.Any);
        Assert.DoesNotContain("pushed after voting opened", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_of_commits_is_bounded()
    {
        var story = Story().Label(0);
        for (var i = 0; i < 40; i++) story.Push(14.1 + (i * 0.01), $"Commit {i}");

        var status = story.BotRunsAt(15).StatusComment!;

        Assert.Contains("40 commits pushed after voting opened", status, StringComparison.Ordinal);
        Assert.Contains("and 30 more commits", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Commit 10", status, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issue_body_edited_after_voting_opened_is_flagged()
    {
        var story = new IssueStory().Label(0).EditBody(14.5);

        var decision = story.BotRunsAt(15);

        Assert.Equal(IssueStory.Day(14.5), decision.Rounds[^1].Changes.BodyEditedAt);
        Assert.Contains("The description was edited after voting opened", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issue_body_edited_before_voting_opened_is_not_flagged()
    {
        var decision = new IssueStory().Label(0).EditBody(3).BotRunsAt(15);

        Assert.DoesNotContain("description was edited", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_starts_a_new_round_at_the_push_with_a_comment_saying_why()
    {
        var story = Story(ProposalChangesMode.Restart).Label(0).Comment(14.2, "alice", "/vote +1").Push(14.5, "Rewrite the proposal");

        var decision = story.BotRunsAt(15);

        Assert.Equal(2, decision.Rounds.Count);
        Assert.Equal((Phase.Cancelled, EndReason.ProposalChanged), (decision.Rounds[0].Phase, decision.Rounds[0].EndReason!.Value));
        var next = decision.Rounds[1];
        Assert.True(next.Restarted);
        Assert.Equal((Phase.Discussion, IssueStory.Day(14.5)), (next.Phase, next.Start));
        Assert.Equal("discussion", decision.Outcome);
        var comment = Assert.Single(decision.Comments, c => c.Key.StartsWith("restarted:", StringComparison.Ordinal));
        Assert.Contains("1 commit was pushed after voting opened in round 1", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(decision.Comments, c => c.Key.StartsWith("cancelled:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_restarted_round_counts_only_its_own_votes_and_decides_on_its_own()
    {
        var story = Story(ProposalChangesMode.Restart).Label(0).Comment(14.2, "alice", "/vote -1 no").Push(14.5);
        story.BotRunsAt(15);
        story.Comment(29, "alice", "/vote +1").Comment(29.1, "bob", "/vote +1").Comment(29.2, "carol", "/vote +1");

        var decision = story.BotRunsAt(30);

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal(3, decision.Rounds[^1].Tally!.Plus);
    }

    [Fact]
    public void The_restart_is_kept_by_the_record_when_the_commit_is_later_force_pushed_away()
    {
        var story = Story(ProposalChangesMode.Restart).Label(0).Push(14.5);
        story.BotRunsAt(15);
        var facts = story.FactsAt(16);
        facts = facts with { PullRequest = facts.PullRequest! with { Commits = [.. facts.PullRequest.Commits.Take(1)] } };

        var decision = Governance.Decide(facts);

        Assert.Equal(2, decision.Rounds.Count);
        Assert.Equal(EndReason.ProposalChanged, decision.Rounds[0].EndReason);
    }

    [Fact]
    public void Restart_does_nothing_after_the_decision()
    {
        var story = Story(ProposalChangesMode.Restart).Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote +1");
        story.BotRunsAt(16);
        story.Push(17);

        var decision = story.BotRunsAt(18);

        Assert.Single(decision.Rounds);
        Assert.Equal("approved", decision.Outcome);
    }

    [Fact]
    public void Restart_is_frozen_with_the_rules_when_voting_opens()
    {
        var story = Story(ProposalChangesMode.Restart).Label(0);
        story.BotRunsAt(14.1);
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { ProposalChanges = ProposalChangesMode.Flag })] };
        story.Push(14.5);

        var decision = story.BotRunsAt(15);

        Assert.Equal(2, decision.Rounds.Count);
    }

    [Fact]
    public void An_edited_issue_body_restarts_a_restart_process_too()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).EditBody(14.5);
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { ProposalChanges = ProposalChangesMode.Restart })] };

        var decision = story.BotRunsAt(15);

        Assert.Equal(2, decision.Rounds.Count);
        Assert.Contains("the description was edited after voting opened in round 1", Assert.Single(decision.Comments, c => c.Key.StartsWith("restarted:", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void Thousands_of_huge_commit_messages_keep_the_status_comment_and_the_check_within_their_limits()
    {
        var story = Story().Label(0);
        var headline = string.Concat(Enumerable.Repeat("<!-- governance-bot:status --> @org/team & ", 300));
        for (var i = 0; i < 2000; i++) story.Push(14.1 + (i * 0.0001), headline);

        var decision = story.BotRunsAt(15);
        var check = GovernanceCheck.For(story.FactsAt(15), decision)!;

        Assert.True(GovernanceBot.Domain.Rendering.GitHubLimits.Size(decision.StatusComment!) <= GovernanceBot.Domain.Rendering.GitHubLimits.StatusBudget);
        Assert.True(check.Summary.Length < 65_535, $"{check.Summary.Length}");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(decision.StatusComment!, "<!-- governance-bot:status"));
        Assert.DoesNotContain("@org", check.Summary, StringComparison.Ordinal);
    }
}
