using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Lifecycle;

public sealed class LifecycleTests
{
    [Fact]
    public void Applying_the_rfc_label_opens_a_two_week_discussion()
    {
        var story = new IssueStory().Label(0);
        var decision = story.BotRunsAt(0);

        Assert.Equal([PhaseLabels.Discussion], decision.PhaseLabels);
        Assert.Equal("discussion", decision.Outcome);
        Assert.Equal(Day(14), decision.NextDeadline);
        Assert.Contains("discussion until 2026-03-16 10:00 UTC (14 days left)", decision.StatusComment);
    }

    [Fact]
    public void An_issue_without_a_trigger_label_has_no_process()
    {
        var decision = new IssueStory().Label(0, "bug").BotRunsAt(1);
        Assert.Empty(decision.PhaseLabels);
        Assert.Null(decision.StatusComment);
        Assert.Empty(decision.Comments);
    }

    [Fact]
    public void Voting_opens_when_the_discussion_ends_and_mentions_every_TSC_member()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        story.BotRunsAt(0);
        var decision = story.BotRunsAt(14);

        Assert.Equal([PhaseLabels.Voting], decision.PhaseLabels);
        var opened = Assert.Single(decision.Comments);
        Assert.Equal(Markers.VotingOpenedKey(Round.KeyFor("rfc", T0)), opened.Key);
        Assert.Contains("@alice @bob @carol", opened.Body);
        Assert.Equal(Day(21), decision.NextDeadline);
    }

    [Fact]
    public void A_vote_during_the_discussion_is_not_counted_and_gets_one_reply_with_the_opening_date()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(3, "alice", "/vote +1");
        var first = story.BotRunsAt(3);
        var reply = Assert.Single(first.Comments);
        Assert.Contains("Voting opens on 2026-03-16 10:00 UTC", reply.Body);

        story.BotRunsAt(4);
        Assert.Single(story.BotComments, c => c.Body.Contains("Voting opens on", StringComparison.Ordinal));

        var voting = story.BotRunsAt(15);
        Assert.Equal(0, voting.Tally!.Cast);
    }

    [Fact]
    public void The_deadline_counts_a_vote_one_second_before_and_ignores_one_second_after()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        story.CommentAt(Day(15), "alice", "/vote +1", out _);
        story.CommentAt(Day(21) - TimeSpan.FromSeconds(1), "bob", "/vote +1", out _);
        story.CommentAt(Day(21) + TimeSpan.FromSeconds(1), "carol", "/vote -1 too late to matter", out _);

        var decision = story.BotRunsAt(Day(21) + TimeSpan.FromMinutes(1));

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal(2, decision.Tally!.Plus);
        Assert.Equal(0, decision.Tally.Minus);
        Assert.Contains(decision.Comments, c => c.Body.Contains("the vote closed on 2026-03-23 10:00 UTC", StringComparison.Ordinal));
    }

    [Fact]
    public void The_vote_closes_early_as_soon_as_every_TSC_member_has_voted()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(16, "bob", "/vote 0").Comment(17, "carol", "/vote +1");
        var decision = story.BotRunsAt(17.5);

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal([PhaseLabels.Approved], decision.PhaseLabels);
        Assert.Contains("every TSC member voted", decision.StatusComment);
        Assert.Contains("approved on 2026-03-19 10:00 UTC", decision.StatusComment);
    }

    [Fact]
    public void Without_quorum_the_vote_ends_no_quorum()
    {
        var story = new IssueStory().Label(0).Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        Assert.Equal("no-quorum", story.BotRunsAt(22).Outcome);
    }

    [Fact]
    public void A_later_vote_replaces_an_earlier_one_an_edit_rereads_it_and_a_delete_withdraws_it()
    {
        var story = new IssueStory("alice", "bob", "carol", "dave", "erin").Label(0)
            .Comment(15, "alice", "/vote -1 Needs a migration plan.");
        var aliceFirst = story.LastCommentId;
        story.Comment(15.5, "alice", "/vote +1").Comment(15.6, "bob", "/vote +1");
        var bob = story.LastCommentId;
        story.Comment(15.7, "carol", "/vote +1");
        var carol = story.LastCommentId;

        var tally = story.BotRunsAt(16).Tally!;
        Assert.Equal((3, 0), (tally.Plus, tally.Minus));

        story.Edit(bob, 16.1, "/vote -1 On reflection the timing is wrong.");
        tally = story.BotRunsAt(16.2).Tally!;
        Assert.Equal((2, 1), (tally.Plus, tally.Minus));

        story.Delete(carol);
        tally = story.BotRunsAt(16.3).Tally!;
        Assert.Equal((1, 1, 2), (tally.Plus, tally.Minus, tally.Cast));
        Assert.NotEqual(0, aliceFirst);
    }

    [Fact]
    public void A_minus_one_without_concerns_is_not_counted_and_the_voter_is_told_how_to_fix_it()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(15, "bob", "/vote -1");
        var decision = story.BotRunsAt(15.1);

        Assert.Equal(0, decision.Tally!.Cast);
        var reply = Assert.Single(decision.Comments, c => c.Key.StartsWith("reply:", StringComparison.Ordinal));
        Assert.Contains("@bob", reply.Body);
        Assert.Contains("a -1 must state specific concerns", reply.Body);
    }

    [Fact]
    public void Two_vote_lines_in_one_comment_are_ambiguous_and_not_counted()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(15, "alice", "/vote +1\n/vote -1 hmm");
        var decision = story.BotRunsAt(15.1);

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.Contains(decision.Comments, c => c.Body.Contains("2 `/vote` lines", StringComparison.Ordinal));
    }

    [Fact]
    public void Votes_from_outside_the_TSC_are_shown_as_non_binding_and_do_not_count()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(15, "zoe", "/vote -1 I dislike it");
        var decision = story.BotRunsAt(15.1);

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.Contains("Non-binding votes from outside the TSC: 0 × +1, 0 × 0, 1 × -1", decision.StatusComment);
    }

    [Fact]
    public void A_TSC_member_extends_the_discussion_and_voting_opens_later()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(10, "alice", "/governance extend 7d");
        var decision = story.BotRunsAt(15);

        Assert.Equal("discussion", decision.Outcome);
        Assert.Equal(Day(21), decision.NextDeadline);
        Assert.Contains("alice extended the discussion by 7d", decision.StatusComment);
    }

    [Fact]
    public void Someone_outside_the_TSC_cannot_extend_and_is_told_why()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(10, "zoe", "/governance extend 7d");
        var decision = story.BotRunsAt(15);

        Assert.Equal("voting", decision.Outcome);
        Assert.Contains(decision.Comments, c => c.Body.Contains("only TSC members may extend a phase", StringComparison.Ordinal));
    }

    [Fact]
    public void The_issue_author_cancels_with_a_command()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(5, "dana", "/governance cancel");
        var decision = story.BotRunsAt(5.1);

        Assert.Equal("cancelled", decision.Outcome);
        Assert.Equal([PhaseLabels.Cancelled], decision.PhaseLabels);
        Assert.Contains(decision.Comments, c => c.Key.StartsWith("cancelled:", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_the_label_cancels_but_only_while_the_process_runs()
    {
        var running = new IssueStory().Label(0).Unlabel(3);
        Assert.Equal("cancelled", running.BotRunsAt(3.1).Outcome);

        var decided = new IssueStory("alice").Label(0).Comment(15, "alice", "/vote +1");
        Assert.Equal("approved", decided.BotRunsAt(15.1).Outcome);
        decided.Unlabel(16).Close(16);
        Assert.Equal("approved", decided.BotRunsAt(16.1).Outcome);
    }

    [Fact]
    public void Final_is_final_edits_and_deletions_after_the_close_change_nothing()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        var bob = story.LastCommentId;
        story.Comment(15, "carol", "/vote +1");
        Assert.Equal("approved", story.BotRunsAt(15.5).Outcome);

        story.Edit(bob, 16, "/vote -1 changed my mind");
        story.Comment(16, "carol", "/vote -1 me too");
        var after = story.BotRunsAt(16.5);

        Assert.Equal("approved", after.Outcome);
        Assert.Equal(3, after.Tally!.Plus);
        Assert.Contains(after.Comments, c => c.Body.Contains("was not counted: the vote closed on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recorded_round_still_says_which_phase_each_extension_lengthened()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(10, "alice", "/governance extend 1d");
        story.BotRunsAt(15);
        story.Comment(16, "bob", "/governance extend 2d")
            .Comment(16.5, "alice", "/vote +1").Comment(16.5, "bob", "/vote +1").Comment(16.5, "carol", "/vote +1");
        Assert.Equal("approved", story.BotRunsAt(16.6).Outcome);

        var recorded = story.BotRunsAt(20).StatusComment!;

        Assert.Contains("alice extended the discussion by 1d", recorded);
        Assert.Contains("bob extended the vote by 2d", recorded);
    }

    [Fact]
    public void An_extension_posted_after_everyone_voted_lengthens_nothing_before_or_after_the_record()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15, "carol", "/vote +1")
            .Comment(16, "bob", "/governance extend 3d");

        var live = story.BotRunsAt(16.5);
        var recorded = story.BotRunsAt(17);

        Assert.Contains(live.Comments, c => c.Body.Contains("was not applied: no process is running", StringComparison.Ordinal));
        Assert.DoesNotContain("extended the vote", live.StatusComment!, StringComparison.Ordinal);
        Assert.Equal(Day(21), Assert.Single(StateBlock.Read(live.StatusComment!)).Value.VotingEnds);
        Assert.Equal(live.StatusComment, recorded.StatusComment);
    }

    [Fact]
    public void The_electorate_is_frozen_when_voting_opens()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        story.BotRunsAt(14);
        story.Tsc = ["alice", "bob", "carol", "dave", "erin", "frank", "grace"];
        story.Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        var decision = story.BotRunsAt(15.1);

        Assert.Equal(3, decision.Tally!.Electorate);
        Assert.True(decision.Tally.Approved);
    }

    [Fact]
    public void A_state_block_pasted_by_someone_else_is_ignored()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        var forged = StateBlockFor("rfc", "approved");
        story.Comment(15, "mallory", Markers.Status + "\n" + forged);

        var decision = story.BotRunsAt(15.1);
        Assert.Equal("voting", decision.Outcome);
    }

    [Fact]
    public void Applying_the_label_again_starts_a_new_round_and_keeps_a_history_line()
    {
        var story = new IssueStory("alice").Label(0).Unlabel(2);
        story.BotRunsAt(2.1);
        story.Label(3);
        var decision = story.BotRunsAt(3.1);

        Assert.Equal("discussion", decision.Outcome);
        Assert.Contains("Round 1, started 2026-03-02 10:00 UTC: cancelled on 2026-03-04 10:00 UTC", decision.StatusComment);
        Assert.Equal(Day(17), decision.NextDeadline);
    }

    [Fact]
    public void An_invalid_configuration_pauses_the_process_and_says_what_is_wrong()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.ConfigOverride = new ConfigResult.Invalid([new ConfigError(3, "voting.approval", "“two thirds” is not a fraction.")], ".github/governance.yml");
        var decision = story.BotRunsAt(15);

        Assert.Equal("invalid-config", decision.Outcome);
        Assert.Equal([PhaseLabels.Discussion], decision.PhaseLabels);
        Assert.Contains("line 3, `voting.approval`", decision.StatusComment);
        Assert.Empty(decision.Comments);
    }

    [Fact]
    public void Deciding_twice_on_the_same_facts_gives_the_same_decision_and_nothing_new_to_post()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(3, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        story.BotRunsAt(15.5);
        var botComments = story.BotComments.Count();

        var again = story.BotRunsAt(15.5);
        var third = Governance.Decide(story.FactsAt(15.5));

        Assert.Equal(botComments, story.BotComments.Count());
        Assert.Equal(again.StatusComment, third.StatusComment);
        Assert.Equal(again.Comments.Select(c => c.Key), third.Comments.Select(c => c.Key));
    }

    internal static string StateBlockFor(string label, string outcome) =>
        $"<!-- governance-bot:state {{\"v\":1,\"rounds\":[{{\"key\":\"{Round.KeyFor(label, T0)}\",\"electorate\":[\"alice\"],\"outcome\":\"{outcome}\",\"closedAt\":\"{Day(14.5):O}\",\"reason\":\"AllVoted\",\"votes\":[]}}]}} -->";
}
