using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>The counting settings are frozen into the state block when voting opens, like the other rules, and read back.</summary>
[Trait("Category", "Hostile")]
public sealed class FrozenCountingSettingsTests
{
    private static readonly VotingRules Counted = VotingRules.Default with
    {
        CloseEarly = EarlyClose.Decided,
        MinVoting = TimeSpan.FromHours(36),
        MinApprovals = 2,
        Quorum = QuorumRule.AtLeast(3),
    };

    private static IssueStory With(IssueStory story, VotingRules rules)
    {
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { Rules = rules })] };
        return story;
    }

    private static RoundRecord Recorded(IssueStory story) =>
        Assert.Single(StateBlock.Read(Governance.StatusComments(story.Comments, IssueStory.Bot).First().Body).Values);

    [Fact]
    public void The_counting_settings_are_written_into_the_block_when_voting_opens_and_read_back()
    {
        var story = With(new IssueStory().Label(0), Counted);
        story.BotRunsAt(14.1);
        Assert.Equal(Counted, Recorded(story).Rules);
    }

    [Fact]
    public void A_block_written_before_the_counting_settings_existed_reads_with_their_defaults()
    {
        const string Old = """<!-- governance-bot:state {"v":2,"rounds":[{"key":"rfc@20260302T100000Z","electorate":["alice","bob"],"rules":{"quorum":"1/2","approval":"2/3","abstentions":"count","closeEarly":false,"discussion":1209600,"voting":604800}}]} -->""";
        var record = Assert.Single(StateBlock.Read(Old).Values);
        Assert.Equal(VotingRules.Default with { CloseEarly = EarlyClose.Never }, record.Rules);
    }

    [Fact]
    public void The_running_vote_keeps_its_counting_settings_when_the_configuration_drops_them()
    {
        var story = With(new IssueStory().Label(0), Counted);
        story.BotRunsAt(14.1);
        With(story, VotingRules.Default with { CloseEarly = EarlyClose.Never });
        story.Comment(14.2, "alice", "/vote +1").Comment(14.3, "bob", "/vote +1").Comment(14.4, "carol", "/vote +1").Comment(14.5, "dave", "/vote +1");

        // Decided and min_voting still hold: open until 36 hours in, then closed early though erin has not voted.
        Assert.Equal("voting", story.BotRunsAt(15.4).Outcome);
        Assert.Equal("approved", story.BotRunsAt(15.6).Outcome);
    }

    [Fact]
    public void Min_approvals_frozen_at_opening_still_rejects_after_the_configuration_drops_it()
    {
        var story = With(new IssueStory("alice", "bob", "carol").Label(0), VotingRules.Default with { MinApprovals = 3, CloseEarly = EarlyClose.Never });
        story.BotRunsAt(14.1);
        With(story, VotingRules.Default with { CloseEarly = EarlyClose.Never });
        story.Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15.5, "carol", "/vote 0");
        Assert.Equal("rejected", story.BotRunsAt(22).Outcome);
    }
}
