using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The audit: every round recomputed from the facts and compared with the state block the bot recorded.</summary>
public sealed class AuditTests
{
    private const string Issue = "octo-org/rfcs#1";

    /// <summary>alice, bob and carol vote after the discussion; the bot records the approval at day 16.</summary>
    private static IssueStory Decided()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote 0").Comment(15.5, "carol", "/vote +1")
            .Comment(15.2, "zoe", "/vote -1 Not a member.");
        story.BotRunsAt(16);
        return story;
    }

    [Fact]
    public void A_decided_issue_agrees_and_the_report_lists_the_tally_the_electorate_and_each_vote_with_its_link()
    {
        var report = Audit.Check(Decided().FactsAt(30), Issue);

        Assert.True(report.Agrees, string.Join("; ", report.Differences));
        Golden.Verify("audit-agrees", Texts.AuditReport(report), ".txt");
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_forged_copy_of_the_status_comment_posted_by_a_user_is_a_difference()
    {
        var story = Decided();
        var status = story.BotComments.First(c => c.Body.Contains(Markers.Status, StringComparison.Ordinal));
        story.Comment(17, "mallory", status.Body.Replace("\"approved\"", "\"rejected\"", StringComparison.Ordinal));

        var report = Audit.Check(story.FactsAt(30), Issue);

        var forged = Assert.Single(report.Differences);
        Assert.Equal(AuditProblem.ForgedCopy, forged.Problem);
        Assert.Equal("mallory", forged.Recorded);
        Golden.Verify("audit-forged", Texts.AuditReport(report), ".txt");
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_status_comment_edited_by_someone_else_is_a_difference_and_a_changed_outcome_is_named()
    {
        var story = Decided().EditStatus(17, "admin", body => body.Replace("\"approved\"", "\"rejected\"", StringComparison.Ordinal));

        var report = Audit.Check(story.FactsAt(30), Issue);

        Assert.False(report.Agrees);
        Assert.Contains(report.Differences, d => d is { Problem: AuditProblem.StatusEditedByOther, Recorded: "admin" });
        Assert.Contains(report.Differences, d => d is { Problem: AuditProblem.Outcome, Recorded: "rejected", Recomputed: "approved" });
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_vote_edited_after_the_close_is_counted_as_it_stood_at_the_close()
    {
        // carol never votes: the vote closes at its deadline (day 21) approved, and bob rewrites his vote on day 22.
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        var bob = story.LastCommentId;
        story.BotRunsAt(21.5);
        story.Edit(bob, 22, "/vote -1 Changed my mind after the close.");

        var report = Audit.Check(story.FactsAt(30), Issue);

        Assert.True(report.Agrees, string.Join("; ", report.Differences));
        var round = Assert.Single(report.Rounds);
        Assert.Equal(Phase.Approved, round.Phase);
        Assert.Equal((2, 0), (round.Tally!.Plus, round.Tally.Minus));
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_vote_that_closed_the_vote_early_and_was_edited_after_the_close_is_read_back_from_its_history()
    {
        // carol's +1 made everyone have voted (closed early at day 15.5); she rewrites it on day 20.
        var story = Decided();
        var carol = story.Comments.First(c => c.Author == "carol").Id;
        story.Edit(carol, 20, "/vote -1 Changed my mind after the close.");

        var report = Audit.Check(story.FactsAt(30), Issue);

        Assert.True(report.Agrees, string.Join("; ", report.Differences));
        var round = Assert.Single(report.Rounds);
        Assert.Equal((Phase.Approved, EndReason.AllVoted, IssueStory.Day(15.5)), (round.Phase, round.EndReason!.Value, round.EndedAt!.Value));
        Assert.Equal((2, 0), (round.Tally!.Plus, round.Tally.Minus));
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_vote_edited_after_an_early_close_with_no_readable_history_is_a_difference_not_a_guess()
    {
        var story = Decided();
        var carol = story.Comments.First(c => c.Author == "carol").Id;
        story.Edit(carol, 20, "/vote -1 Changed my mind after the close.").ForgetHistory(carol);

        var report = Audit.Check(story.FactsAt(30), Issue);

        Assert.Contains(report.Differences, d => d.Problem == AuditProblem.Outcome || d.Problem == AuditProblem.ClosedAt);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_recorded_vote_that_the_comments_do_not_give_is_a_difference()
    {
        var story = Decided();
        var bob = story.Comments.First(c => c.Author == "bob").Id;
        story.Delete(bob);

        var report = Audit.Check(story.FactsAt(30), Issue);

        Assert.Contains(report.Differences, d => d.Problem == AuditProblem.Votes && d.Recorded.Contains("bob 0", StringComparison.Ordinal) && !d.Recomputed.Contains("bob", StringComparison.Ordinal));
    }
}
