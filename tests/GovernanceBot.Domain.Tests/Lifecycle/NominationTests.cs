using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>
/// Nominations (<c>confirm: nominee</c>): the issue names the nominee, the nominee accepts before the discussion starts,
/// a decline or silence past <c>confirm_within</c> cancels, and only the right people's commands count (design section 9).
/// </summary>
public sealed class NominationTests
{
    private const string Label = "maintainer-nomination";

    /// <summary>Five TSC members; the issue author is dana; frank is the contributor nominated.</summary>
    private static IssueStory Nomination(TimeSpan? confirmWithin = null)
    {
        var story = new IssueStory();
        var profile = new ProcessProfile(Label, TimeSpan.FromDays(14), TimeSpan.FromDays(7), VotingRules.Default)
        {
            Confirm = ConfirmMode.Nominee,
            ConfirmWithin = confirmWithin ?? ProcessProfile.DefaultConfirmWithin,
        };
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes, profile] };
        return story.Label(0, Label);
    }

    private static string Only(Decision d, string prefix) => Assert.Single(d.Comments, c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Body;

    private static IEnumerable<string> Keys(Decision d, string prefix) => d.Comments.Select(c => c.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void The_label_alone_awaits_a_nominee_with_its_own_phase_label_and_wakes_the_bot_when_confirm_within_runs_out()
    {
        var decision = Nomination().BotRunsAt(0.5);

        Assert.Equal("awaiting-nominee", decision.Outcome);
        Assert.Equal([PhaseLabels.AwaitingNominee], decision.PhaseLabels);
        Assert.Equal(IssueStory.Day(14), decision.NextDeadline);
        Assert.Null(decision.Rounds[^1].Nomination!.Nominee);
        Assert.Empty(Keys(decision, "nominee-asked:"));
        Golden.Verify("status-awaiting-nomination", decision.StatusComment!);
    }

    [Fact]
    public void The_issue_author_names_the_nominee_and_the_bot_asks_them_once_to_accept_or_decline()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank");
        var decision = story.BotRunsAt(1.1);

        Assert.Equal("awaiting-nominee", decision.Outcome);
        Assert.Equal(IssueStory.Day(15), decision.NextDeadline);
        var asked = Only(decision, "nominee-asked:");
        Assert.Contains("@frank", asked, StringComparison.Ordinal);
        Golden.Verify("nominee-asked", asked);
        Golden.Verify("status-awaiting-nominee", decision.StatusComment!);

        // A restart or a second replica finds the request already posted by its marker.
        var again = story.BotRunsAt(1.2);
        Assert.Single(story.BotComments, c => c.Body.Contains("nominee-asked:", StringComparison.Ordinal));
        Assert.Equal("awaiting-nominee", again.Outcome);
    }

    [Fact]
    public void The_discussion_counts_from_the_acceptance_and_the_vote_then_runs_as_usual()
    {
        var story = Nomination().Comment(1, "alice", "/governance nominate frank").Comment(3, "frank", "/governance accept");

        var discussion = story.BotRunsAt(3.5);
        Assert.Equal("discussion", discussion.Outcome);
        Assert.Equal(IssueStory.Day(17), discussion.Rounds[^1].DiscussionEnds);
        Assert.Equal(IssueStory.Day(17), discussion.NextDeadline);
        Golden.Verify("nominee-accepted", Only(discussion, "nominee-accepted:"));

        // A vote during the discussion is too early even though the label is 14 days old.
        story.Comment(16, "bob", "/vote +1");
        Assert.Contains(story.BotRunsAt(16.1).Comments, c => c.Body.Contains("the discussion period is still running", StringComparison.Ordinal));

        foreach (var (member, day) in new[] { ("alice", 17.1), ("bob", 17.2), ("carol", 17.3), ("dave", 17.4), ("erin", 17.5) })
        {
            story.Comment(day, member, "/vote +1");
        }

        var decided = story.BotRunsAt(17.6);
        Assert.Equal("approved", decided.Outcome);
        Assert.Contains("frank accepted; the discussion started", decided.StatusComment, StringComparison.Ordinal);
        var record = StateBlock.Read(decided.StatusComment!).Single().Value;
        Assert.Equal(("frank", "alice", IssueStory.Day(3)), (record.Nominee, record.NominatedBy, record.Accepted));
    }

    [Fact]
    public void A_nominee_who_never_answers_is_cancelled_at_confirm_within_with_a_comment()
    {
        var story = Nomination(TimeSpan.FromDays(7)).Comment(1, "dana", "/governance nominate @frank");
        Assert.Equal(IssueStory.Day(8), story.BotRunsAt(7.9).NextDeadline);

        var cancelled = story.BotRunsAt(8);

        Assert.Equal("cancelled", cancelled.Outcome);
        Assert.Equal(EndReason.NotConfirmed, cancelled.Rounds[^1].EndReason);
        Assert.Equal(IssueStory.Day(8), cancelled.Rounds[^1].EndedAt);
        Assert.Null(cancelled.NextDeadline);
        Golden.Verify("cancelled-not-confirmed", Only(cancelled, "cancelled:"));

        // An acceptance after the deadline changes nothing and is told so.
        story.Comment(9, "frank", "/governance accept");
        var late = story.BotRunsAt(9.1);
        Assert.Equal("cancelled", late.Outcome);
        Assert.Contains("no process is running on this issue now", Only(late, "reply:"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decline_cancels_the_process_with_a_comment()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank").Comment(2, "frank", "/governance decline");
        var cancelled = story.BotRunsAt(2.1);

        Assert.Equal("cancelled", cancelled.Outcome);
        Assert.Equal((EndReason.Declined, "frank"), (cancelled.Rounds[^1].EndReason, cancelled.Rounds[^1].EndedBy));
        Golden.Verify("cancelled-declined", Only(cancelled, "cancelled:"));
    }

    [Fact]
    public void Only_the_nominee_can_accept_and_anyone_else_is_told_why_once()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank").Comment(2, "alice", "/governance accept");
        var decision = story.BotRunsAt(2.1);

        Assert.Equal("awaiting-nominee", decision.Outcome);
        var reply = Only(decision, "reply:");
        Assert.Contains("only the nominee, frank, may accept or decline", reply, StringComparison.Ordinal);
        Golden.Verify("reply-not-the-nominee", reply);

        story.BotRunsAt(2.2);
        Assert.Single(story.BotComments, c => c.Body.Contains("only the nominee", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accept_before_anyone_is_nominated_is_refused_and_says_how_a_nominee_is_named()
    {
        var story = Nomination().Comment(1, "frank", "/governance accept");
        var decision = story.BotRunsAt(1.1);

        Assert.Equal("awaiting-nominee", decision.Outcome);
        Assert.Contains("nobody has been nominated yet", Only(decision, "reply:"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_nomination_by_someone_neither_the_author_nor_on_the_TSC_names_nobody_and_is_refused_politely()
    {
        var story = Nomination().Comment(1, "mallory", "/governance nominate @mallory").Comment(2, "mallory", "/governance accept");
        var decision = story.BotRunsAt(2.1);

        Assert.Equal("awaiting-nominee", decision.Outcome);
        Assert.Null(decision.Rounds[^1].Nomination!.Nominee);
        Assert.Empty(Keys(decision, "nominee-asked:"));
        var replies = decision.Comments.Where(c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).Select(c => c.Body).ToList();
        Assert.Contains(replies, r => r.Contains("only the issue's author and TSC members may name the nominee", StringComparison.Ordinal));
        Golden.Verify("reply-nominate-not-allowed", replies[0]);
    }

    [Fact]
    public void A_second_nomination_before_acceptance_replaces_the_nominee_says_so_and_restarts_the_clock()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank").Comment(3, "bob", "/governance nominate @grace");
        var decision = story.BotRunsAt(3.1);

        var n = decision.Rounds[^1].Nomination!;
        Assert.Equal(("grace", "bob", IssueStory.Day(17)), (n.Nominee, n.NominatedBy, n.ConfirmBy));
        Assert.Equal(IssueStory.Day(17), decision.NextDeadline);
        var asked = Assert.Single(decision.Comments, c => c.Key.StartsWith("nominee-asked:", StringComparison.Ordinal) && c.Body.Contains("@grace", StringComparison.Ordinal)).Body;
        Assert.Contains("replaces the earlier one of frank", asked, StringComparison.Ordinal);

        // frank is no longer the nominee: his acceptance is refused, grace's starts the discussion.
        story.Comment(4, "frank", "/governance accept").Comment(5, "grace", "/governance accept");
        var accepted = story.BotRunsAt(5.1);
        Assert.Equal("discussion", accepted.Outcome);
        Assert.Equal(IssueStory.Day(19), accepted.Rounds[^1].DiscussionEnds);
        Assert.Contains(accepted.Comments, c => c.Body.Contains("only the nominee, grace, may accept", StringComparison.Ordinal));
    }

    [Fact]
    public void After_acceptance_a_new_nomination_or_a_decline_is_refused_and_changes_nothing()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank").Comment(2, "frank", "/governance accept")
            .Comment(3, "alice", "/governance nominate @grace").Comment(4, "frank", "/governance decline");
        var decision = story.BotRunsAt(4.1);

        Assert.Equal("discussion", decision.Outcome);
        Assert.Equal("frank", decision.Rounds[^1].Nomination!.Nominee);
        var refusals = decision.Comments.Where(c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Contains("frank has already accepted and the discussion has started", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void The_acceptance_is_frozen_in_the_state_block_once_voting_opens()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank").Comment(2, "frank", "/governance accept");
        var acceptId = story.LastCommentId;
        var voting = story.BotRunsAt(16.5);
        Assert.Equal("voting", voting.Outcome);

        // The acceptance comment deleted: the recorded acceptance keeps the vote where it is.
        story.Delete(acceptId);
        var after = story.BotRunsAt(17);
        Assert.Equal("voting", after.Outcome);
        Assert.Equal(IssueStory.Day(16), after.Rounds[^1].DiscussionEnds);
    }

    [Fact]
    public void Nomination_commands_on_a_process_without_confirm_are_refused()
    {
        var story = new IssueStory().Label(0).Comment(1, "dana", "/governance nominate @frank");
        var decision = story.BotRunsAt(1.1);

        Assert.Equal("discussion", decision.Outcome);
        Assert.Contains("takes no nominee", Only(decision, "reply:"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vote_or_an_extension_before_the_nominee_accepts_is_told_that_nothing_runs_yet()
    {
        var story = Nomination().Comment(1, "dana", "/governance nominate @frank")
            .Comment(2, "alice", "/vote +1").Comment(2.5, "bob", "/governance extend 7d").Comment(3, "frank", "/governance accept");
        var decision = story.BotRunsAt(3.1);

        Assert.Equal("discussion", decision.Outcome);
        Assert.Equal(IssueStory.Day(17), decision.Rounds[^1].DiscussionEnds);
        Assert.Empty(decision.Rounds[^1].Extensions);
        var replies = decision.Comments.Where(c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).Select(c => c.Body).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("was not counted: the nominee has not accepted yet", replies[0], StringComparison.Ordinal);
        Golden.Verify("reply-before-acceptance", replies[1]);
    }
}
