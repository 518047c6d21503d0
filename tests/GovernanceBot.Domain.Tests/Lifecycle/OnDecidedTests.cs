using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary><c>on_decided</c>: what the decision asks the shell to do once a vote is decided, and the words it uses.</summary>
public sealed class OnDecidedTests
{
    private static readonly IssueAddress Community = new("o", "community", 7);

    private static IssueStory Story(OnDecided onDecided)
    {
        var story = new IssueStory("alice", "bob", "carol");
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { OnDecided = onDecided })] };
        return story;
    }

    private static IssueStory Approved(OnDecided onDecided) =>
        Story(onDecided).Label(0).Comment(14.1, "alice", "/vote +1").Comment(14.2, "bob", "/vote +1").Comment(14.3, "carol", "/vote 0");

    [Fact]
    public void Nothing_is_asked_while_the_vote_runs_or_when_on_decided_is_empty()
    {
        Assert.Null(Story(new OnDecided(Community, true, true, CloseWhen.All)).Label(0).BotRunsAt(15).OnDecided);
        Assert.Null(Approved(OnDecided.Nothing).BotRunsAt(15).OnDecided);
    }

    [Fact]
    public void Once_approved_the_decision_asks_to_announce_lock_and_close_until_the_record_exists()
    {
        var story = Approved(new OnDecided(Community, true, true, CloseWhen.Approved));
        var actions = story.BotRunsAt(15).OnDecided;

        Assert.NotNull(actions);
        Assert.Equal((Community, true, true), (actions.Announce, actions.Lock, actions.Close));
        Assert.Equal(Phase.Approved, actions.Round.Phase);

        story.CommentAt(IssueStory.Day(15.1), IssueStory.Bot, Texts.Recorded(actions.Round, "o/community#7", "https://github.com/o/community/issues/7", null, true, true), out _);
        Assert.Null(story.BotRunsAt(16).OnDecided);
    }

    [Fact]
    public void Close_approved_leaves_a_rejected_issue_open_and_close_all_closes_it()
    {
        static IssueStory Rejected(CloseWhen close) => Story(new OnDecided(null, true, false, close)).Label(0)
            .Comment(14.1, "alice", "/vote -1 No.").Comment(14.2, "bob", "/vote -1 No.").Comment(14.3, "carol", "/vote +1");

        Assert.False(Rejected(CloseWhen.Approved).BotRunsAt(15).OnDecided!.Close);
        Assert.True(Rejected(CloseWhen.All).BotRunsAt(15).OnDecided!.Close);
    }

    [Fact]
    public void A_cancelled_process_is_not_announced()
    {
        var story = Story(new OnDecided(Community, true, true, CloseWhen.All)).Label(0).Comment(1, "dana", "/governance cancel");
        Assert.Null(story.BotRunsAt(2).OnDecided);
    }

    [Fact]
    public void The_announcement_with_the_tally_and_the_outcome_only_and_the_records()
    {
        var round = Approved(new OnDecided(Community, true, true, CloseWhen.Approved)).BotRunsAt(15).OnDecided!.Round;
        const string Source = "o/r#1";
        const string Url = "https://github.com/o/r/issues/1";

        Golden.Verify("announcement", Texts.Announcement(round, Source, Url, "RFC: adopt a release train", withTally: true));
        var outcomeOnly = Texts.Announcement(round, Source, Url, "Nominate @zoe", withTally: false);
        Golden.Verify("announcement-outcome-only", outcomeOnly);
        Assert.DoesNotContain("zoe", outcomeOnly, StringComparison.Ordinal);
        Golden.Verify("recorded", Texts.Recorded(round, "o/community#7", "https://github.com/o/community/issues/7", null, locked: true, closed: true));
        Golden.Verify("recorded-announce-refused", Texts.Recorded(round, "other/news#1", "https://github.com/other/news/issues/1", Texts.AnnounceRefusal(404), locked: false, closed: true));
    }
}
