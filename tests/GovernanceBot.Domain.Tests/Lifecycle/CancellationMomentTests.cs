using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>
/// A vote cast in the same second as what cancels the process (GitHub's times are to the second): it cannot be put
/// after the cancellation, so it is recorded with the votes cast before, and its voter is not told it was not counted.
/// The process is cancelled all the same: the vote decided nothing.
/// </summary>
public sealed class CancellationMomentTests
{
    private static readonly DateTimeOffset Moment = IssueStory.Day(15);

    private static IssueStory Voting(bool pullRequest)
    {
        var story = new IssueStory("alice", "bob", "carol");
        if (pullRequest) story.AsPullRequest();
        story.Label(0);
        story.BotRunsAt(14.1);
        return story;
    }

    private static bool IsReply(OutgoingComment c) => c.Key.StartsWith("reply:", StringComparison.Ordinal);

    [Fact]
    public void A_vote_in_the_same_second_as_the_merge_gets_no_reply_saying_it_was_not_counted()
    {
        var story = Voting(pullRequest: true).CommentAt(Moment, "alice", "/vote +1", out _).Merge(15, by: "erin");

        var decision = story.BotRunsAt(15.1);

        var round = decision.Rounds[^1];
        Assert.Equal((Phase.Cancelled, EndReason.Merged), (round.Phase, round.EndReason));
        Assert.Equal(["alice"], round.Ballots.Select(b => b.Voter));
        Assert.DoesNotContain(decision.Comments, IsReply);
        Assert.Contains("| alice | +1 |", decision.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vote_in_the_same_second_as_the_issue_is_closed_is_recorded_with_the_cancelled_round()
    {
        var story = Voting(pullRequest: false).CommentAt(Moment, "bob", "/vote -1 Too early.", out _).Close(15, by: "dana");

        var decision = story.BotRunsAt(15.1);

        Assert.Equal(EndReason.IssueClosed, decision.Rounds[^1].EndReason);
        Assert.Equal(["bob"], decision.Rounds[^1].Ballots.Select(b => b.Voter));
        Assert.DoesNotContain(decision.Comments, IsReply);
    }

    [Fact]
    public void A_vote_one_second_after_the_merge_is_still_answered_that_the_process_was_cancelled()
    {
        var story = Voting(pullRequest: true).Merge(15, by: "erin").CommentAt(Moment + TimeSpan.FromSeconds(1), "alice", "/vote +1", out _);

        var decision = story.BotRunsAt(15.1);

        Assert.Empty(decision.Rounds[^1].Ballots);
        var reply = Assert.Single(decision.Comments, IsReply);
        Assert.Contains("was not counted: this process was cancelled on", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_back_from_its_record_the_same_second_vote_still_gets_no_reply()
    {
        var story = Voting(pullRequest: true).CommentAt(Moment, "alice", "/vote +1", out _).Merge(15, by: "erin");
        story.BotRunsAt(15.1);

        var later = story.BotRunsAt(16);

        Assert.DoesNotContain(later.Comments, IsReply);
        Assert.Equal(["alice"], later.Rounds[^1].Ballots.Select(b => b.Voter));
    }
}
