using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>A vote counts only as its author last wrote it; the bot's record only as the bot wrote it.</summary>
[Trait("Category", "Hostile")]
public sealed class AuthorshipTests
{
    [Fact]
    public void An_admin_rewriting_a_vote_changes_nothing_and_the_status_comment_flags_it()
    {
        var story = new IssueStory().Label(0).Comment(15, "alice", "/vote +1");
        var alice = story.LastCommentId;
        story.Comment(15.1, "bob", "/vote +1");

        story.Edit(alice, 15.5, "/vote -1 Forged concerns.", by: "admin");
        var decision = story.BotRunsAt(15.6);

        Assert.Equal((2, 0), (decision.Tally!.Plus, decision.Tally.Minus));
        Assert.Contains("was edited by admin, not by alice; counted as alice last wrote it.", decision.StatusComment);
        Assert.DoesNotContain("Forged concerns", decision.StatusComment);
    }

    [Fact]
    public void The_authors_own_later_edit_counts_again_and_their_newest_revision_is_the_one_read_back()
    {
        var story = new IssueStory().Label(0).Comment(15, "alice", "/vote +1");
        var alice = story.LastCommentId;

        story.Edit(alice, 15.2, "/vote 0", by: "admin").Edit(alice, 15.3, "/vote -1 My own concerns.");
        var own = story.BotRunsAt(15.4);
        Assert.Equal((0, 1), (own.Tally!.Plus, own.Tally.Minus));
        Assert.DoesNotContain("was edited by admin", own.StatusComment);

        story.Edit(alice, 15.5, "/vote +1", by: "admin");
        var forged = story.BotRunsAt(15.6);
        Assert.Equal((0, 1), (forged.Tally!.Plus, forged.Tally.Minus));
        Assert.Contains("My own concerns.", forged.StatusComment);
    }

    [Fact]
    public void When_the_history_cannot_give_the_authors_text_the_comment_is_not_counted_and_flagged()
    {
        var story = new IssueStory().Label(0).Comment(15, "alice", "/vote +1");
        var alice = story.LastCommentId;
        story.Edit(alice, 15.5, "/vote -1 Forged.", by: "admin").ForgetHistory(alice);

        var decision = story.BotRunsAt(15.6);

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.Contains("its edit history does not give alice's own text; not counted.", decision.StatusComment);
    }

    [Fact]
    public void Commands_written_into_someone_elses_comment_are_not_acted_on()
    {
        var story = new IssueStory().Label(0).Comment(3, "alice", "Looks good to me.");
        var alice = story.LastCommentId;
        story.Edit(alice, 4, "/governance cancel", by: "admin");

        Assert.Equal("discussion", story.BotRunsAt(5).Outcome);
    }

    [Fact]
    public void A_vote_edited_after_the_close_while_the_bot_was_down_counts_as_it_stood_at_the_close()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        var bob = story.LastCommentId;
        story.Edit(bob, 16, "/vote +1 Still in favour.").Edit(bob, 23, "/vote -1 Too late to matter.");

        var decision = story.BotRunsAt(24);

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal((2, 0, 0), (decision.Tally!.Plus, decision.Tally.Zero, decision.Tally.Minus));
        Assert.DoesNotContain("Not counted", decision.StatusComment);
    }

    [Fact]
    public void An_admins_edit_before_the_close_is_read_past_even_when_the_bot_decides_late()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote -1 Not yet.");
        var bob = story.LastCommentId;
        story.Edit(bob, 16, "/vote +1", by: "admin").Edit(bob, 25, "/vote +1 again", by: "admin");

        var decision = story.BotRunsAt(26);

        Assert.Equal((1, 1), (decision.Tally!.Plus, decision.Tally.Minus));
        Assert.Contains("was edited by admin, not by bob; counted as bob last wrote it.", decision.StatusComment);
    }

    [Fact]
    public void Without_edit_history_a_vote_edited_after_the_close_is_left_out_as_before()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        var bob = story.LastCommentId;
        story.Edit(bob, 23, "/vote -1 changed", history: false);

        var decision = story.BotRunsAt(24);

        Assert.Equal(1, decision.Tally!.Plus);
        Assert.Contains("Not counted: the vote of bob", decision.StatusComment);
    }

    [Fact]
    public void An_admin_forging_approved_in_the_bots_status_comment_changes_nothing_and_the_bot_says_so()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(15, "alice", "/vote -1 Not ready.");
        Assert.Equal("voting", story.BotRunsAt(15.1).Outcome);

        story.EditStatus(15.2, "admin", body => body[..body.IndexOf(StateBlock.Prefix, StringComparison.Ordinal)] + LifecycleTests.StateBlockFor("rfc", "approved"));
        var decision = story.BotRunsAt(15.3);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal([PhaseLabels.Voting], decision.PhaseLabels);
        Assert.Equal(1, decision.Tally!.Minus);
        Assert.Contains("admin edited this comment on 2026-03-17", decision.StatusComment);

        // Rewritten by the bot, the comment is trusted again and keeps the notice: the next run changes nothing.
        var again = story.BotRunsAt(15.3);
        Assert.Equal(decision.StatusComment, again.StatusComment);
        Assert.Contains("admin edited this comment", Assert.Single(story.BotComments, c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)).Body);
    }

    [Fact]
    public void An_admin_rewriting_a_recorded_result_cannot_turn_it_into_another_one()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15, "carol", "/vote +1");
        Assert.Equal("approved", story.BotRunsAt(15.1).Outcome);

        story.EditStatus(16, "admin", body => body.Replace("\"outcome\":\"approved\"", "\"outcome\":\"rejected\"", StringComparison.Ordinal));
        var decision = story.BotRunsAt(16.1);

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal(3, decision.Tally!.Plus);
    }

    [Fact]
    public void A_status_comment_and_state_block_posted_by_a_user_named_like_the_bot_change_nothing()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        story.Comment(15, "governance-bot", Markers.Status + "\n" + LifecycleTests.StateBlockFor("rfc", "approved"));

        var decision = story.BotRunsAt(15.1);

        Assert.Equal("voting", decision.Outcome);
        Assert.Single(story.BotComments, c => c.Body.Contains(Markers.Status, StringComparison.Ordinal));
    }

    [Fact]
    public void Hundreds_of_edited_votes_are_flagged_in_a_few_lines_tsc_members_first()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        var ids = new List<long>();
        for (var i = 0; i < 500; i++)
        {
            story.Comment(15, $"user{i}", "/vote +1");
            ids.Add(story.LastCommentId);
        }

        story.Comment(15.1, "carol", "/vote +1");
        ids.Add(story.LastCommentId);
        foreach (var id in ids) story.Edit(id, 15.2, "/vote -1 Forged.", by: "admin");

        var status = story.BotRunsAt(15.3).StatusComment!;

        Assert.Contains("The [comment](https://github.com/o/r/issues/1#issuecomment-" + ids[^1] + ") of carol was edited by admin", status);
        Assert.Contains("⚠️ 491 more comments with a vote were edited by someone other than their author", status);
        Assert.Equal(Texts.EditFlagsShown + 1, status.Split("⚠️").Length - 1);
    }

    [Fact]
    public void An_edit_at_the_close_is_read_with_the_same_half_open_window_as_the_vote()
    {
        var comment = new CommentFact(1, "bob", false, "/vote -1 later", Day(15), Day(21), "u")
        {
            Edits = new CommentEdits("bob", Day(21), [new CommentRevision(Day(15), "bob", "/vote +1"), new CommentRevision(Day(21), "bob", "/vote -1 later")], Complete: true),
        };

        Assert.Equal("/vote +1", Authorship.AsOf(comment, Day(21), inclusive: false).Text);
        Assert.Equal("/vote -1 later", Authorship.AsOf(comment, Day(21), inclusive: true).Text);
    }
}
