using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary>Every kind of comment the bot writes, pinned word for word.</summary>
public sealed class GoldenCommentTests
{
    private static string Reply(Decision d) => Assert.Single(d.Comments, c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).Body;

    private static string Transition(Decision d, string prefix) => Assert.Single(d.Comments, c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Body;

    [Fact]
    public void Status_during_the_discussion() =>
        Golden.Verify("status-discussion", new IssueStory().Label(0).BotRunsAt(2.25).StatusComment!);

    [Fact]
    public void Status_while_voting_with_concerns_and_non_binding_votes()
    {
        var story = new IssueStory().Label(0)
            .Comment(14.1, "alice", "/vote +1")
            .Comment(14.2, "bob", "/vote -1 This pings @org/security-team and <!-- governance-bot:state {} --> must stay inert.\nSecond line of concerns.")
            .Comment(14.3, "zoe", "/vote +1");
        Golden.Verify("status-voting", story.BotRunsAt(15).StatusComment!);
    }

    [Fact]
    public void Status_and_decision_when_approved_early()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote 0").Comment(15.5, "carol", "/vote +1");
        var decision = story.BotRunsAt(16);
        Golden.Verify("status-approved", decision.StatusComment!);
        Golden.Verify("decision-approved", Transition(decision, "decision:"));
    }

    [Fact]
    public void Status_and_decision_when_rejected()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote +1").Comment(15, "bob", "/vote -1 Not now.");
        var decision = story.BotRunsAt(22);
        Golden.Verify("status-rejected", decision.StatusComment!);
        Golden.Verify("decision-rejected", Transition(decision, "decision:"));
    }

    [Fact]
    public void Status_and_decision_without_quorum()
    {
        var story = new IssueStory().Label(0).Comment(15, "alice", "/vote +1");
        var decision = story.BotRunsAt(22);
        Golden.Verify("status-no-quorum", decision.StatusComment!);
        Golden.Verify("decision-no-quorum", Transition(decision, "decision:"));
    }

    [Fact]
    public void Status_with_an_earlier_cancelled_round_and_an_extension()
    {
        var story = new IssueStory().Label(0).Comment(1, "dana", "/governance cancel");
        var cancelled = story.BotRunsAt(1.5);
        Golden.Verify("cancelled", Transition(cancelled, "cancelled:"));
        Golden.Verify("status-cancelled", cancelled.StatusComment!);

        story.Unlabel(2).Label(3).Comment(4, "alice", "/governance extend 36h");
        Golden.Verify("status-second-round", story.BotRunsAt(5).StatusComment!);
    }

    [Fact]
    public void Voting_opened()
    {
        var story = new IssueStory().Label(0);
        Golden.Verify("voting-opened", Transition(story.BotRunsAt(14), "voting-opened:"));
    }

    [Fact]
    public void Status_with_votes_edited_by_someone_else()
    {
        var story = new IssueStory().Label(0).Comment(14.1, "alice", "/vote +1");
        var alice = story.LastCommentId;
        story.Comment(14.2, "bob", "/vote -1 Needs a migration plan.");
        var bob = story.LastCommentId;
        story.Edit(alice, 14.3, "/vote -1 Forged by an admin.", by: "admin")
            .Edit(bob, 14.4, "/vote +1", by: "admin").ForgetHistory(bob);
        Golden.Verify("status-edited-by-others", story.BotRunsAt(15).StatusComment!);
    }

    [Fact]
    public void Status_recomputed_after_someone_else_edited_it()
    {
        var story = new IssueStory().Label(0).Comment(14.1, "alice", "/vote +1");
        story.BotRunsAt(14.2);
        story.EditStatus(14.5, "admin", body => body.Replace("alice | +1", "alice | -1", StringComparison.Ordinal));
        Golden.Verify("status-recomputed", story.BotRunsAt(15).StatusComment!);
    }

    [Fact]
    public void Status_paused_by_an_invalid_configuration()
    {
        var story = new IssueStory().Label(0);
        story.ConfigOverride = new ConfigResult.Invalid(
            [new ConfigError(2, "tsc.members", "The TSC is empty; list at least one GitHub login."), new ConfigError(5, "voting.approval", "“two thirds” is not a fraction; write it like 2/3."), new ConfigError(6, "voting.close_early", "“sometimes” is not true or false.")],
            "example/project/.github/governance.yml");
        Golden.Verify("status-paused", story.BotRunsAt(1).StatusComment!);
    }

    [Theory]
    [InlineData("reply-too-early", 3, "alice", "/vote +1")]
    [InlineData("reply-missing-concerns", 15, "bob", "/vote -1")]
    [InlineData("reply-ambiguous", 15, "bob", "/vote +1\n/vote -1 but also this")]
    [InlineData("reply-unknown-vote", 15, "bob", "/vote maybe")]
    [InlineData("reply-bad-duration", 15, "alice", "/governance extend soon")]
    [InlineData("reply-unknown-verb", 15, "alice", "/governance close")]
    [InlineData("reply-extend-not-allowed", 15, "zoe", "/governance extend 7d")]
    [InlineData("reply-cancel-not-allowed", 15, "zoe", "/governance cancel")]
    [InlineData("reply-help", 15, "zoe", "/governance help")]
    public void Replies(string name, double day, string by, string body)
    {
        var story = new IssueStory().Label(0).Comment(day, by, body);
        Golden.Verify(name, Reply(story.BotRunsAt(day + 0.01)));
    }

    [Fact]
    public void Reply_to_a_vote_after_the_close()
    {
        var story = new IssueStory("alice").Label(0).Comment(15, "alice", "/vote +1");
        story.BotRunsAt(15.1);
        story.Comment(16, "bob", "/vote -1 I missed it");
        Golden.Verify("reply-after-close", Reply(story.BotRunsAt(16.1)));
    }

    [Fact]
    public void Reply_to_an_extension_after_the_close()
    {
        var story = new IssueStory("alice").Label(0).Comment(15, "alice", "/vote +1");
        story.BotRunsAt(15.1);
        story.Comment(16, "alice", "/governance extend 7d");
        Golden.Verify("reply-nothing-running", Reply(story.BotRunsAt(16.1)));
    }
}
