using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using static GovernanceBot.Domain.Tests.Support.IssueStory;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>
/// Issue 8, vote integrity: who can vote and when. Nobody outside the TSC, no bot and no second login spelling adds a
/// vote; a forged status comment or state block changes nothing; the electorate is the one frozen when voting opened.
/// </summary>
[Trait("Category", "Hostile")]
public sealed class VoteIntegrityTests
{
    /// <summary>The default TSC of five (quorum 3, 2/3 of votes +1): discussion from day 0, voting from day 14 to day 21.</summary>
    private static IssueStory VotingOpen(params string[] tsc)
    {
        var story = new IssueStory(tsc).Label(0);
        story.BotRunsAt(0);
        story.BotRunsAt(14);
        return story;
    }

    private static IEnumerable<OutgoingComment> Replies(Decision decision) =>
        decision.Comments.Where(c => c.Key.StartsWith("reply:", StringComparison.Ordinal));

    private static string Status(IssueStory story) =>
        Assert.Single(story.BotComments, c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)).Body;

    private static CommentFact Fact(long id, string by, bool isBot, string body, double day) =>
        new(id, by, isBot, body, Day(day), Day(day), $"https://github.com/o/r/issues/1#issuecomment-{id}");

    /// <summary>Decides on the story's facts plus <paramref name="extra"/> comments (bots' comments, which the story cannot post).</summary>
    private static Decision DecideWith(IssueStory story, double day, params CommentFact[] extra)
    {
        var facts = story.FactsAt(day);
        return Governance.Decide(facts with { Comments = [.. facts.Comments, .. extra] });
    }

    // ---- Who votes -------------------------------------------------------------------------------------------------

    [Fact]
    public void Votes_from_outside_the_TSC_are_shown_as_non_binding_once_and_never_counted()
    {
        var story = VotingOpen().Comment(15, "alice", "/vote +1");
        for (var i = 0; i < 100; i++) story.Comment(15, $"outsider{i}", "/vote +1");
        story.Comment(15, "mallory", "/vote -1 I do not like it");

        var decision = story.BotRunsAt(16);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal(1, decision.Tally!.Cast);
        Assert.Equal(1, decision.Tally.Plus);
        Assert.Equal(0, decision.Tally.Minus);
        var status = Status(story);
        var sentence = "Non-binding votes from outside the TSC: 100 × +1, 0 × 0, 1 × -1 (shown, not counted).";
        Assert.Equal(1, Occurrences(status, sentence));
        Assert.DoesNotContain("outsider", status, StringComparison.Ordinal);
        Assert.DoesNotContain("@mallory", status, StringComparison.Ordinal);
        // Told once, in the status comment: no reply per outsider, which a crowd could turn into hundreds of comments.
        Assert.Empty(Replies(decision));
    }

    [Fact]
    public void Outsiders_voting_cannot_close_the_vote_early_or_make_quorum()
    {
        var story = VotingOpen().Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");
        for (var i = 0; i < 10; i++) story.Comment(15, $"outsider{i}", "/vote +1");

        var decision = story.BotRunsAt(16);

        Assert.Equal("voting", decision.Outcome);
        Assert.False(decision.Tally!.QuorumMet);
        Assert.Equal(Day(21), decision.NextDeadline);
    }

    [Fact]
    public void Bot_accounts_are_never_counted_or_answered_even_when_listed_in_the_TSC()
    {
        var story = VotingOpen("alice", "bob", "renovate[bot]", "ci-machine", "dependabot[bot]");

        var decision = DecideWith(
            story,
            16,
            Fact(9001, "renovate[bot]", isBot: true, "/vote +1", 15),
            // A machine account whose type GitHub reports as Bot, whatever its login.
            Fact(9002, "ci-machine", isBot: true, "/vote +1", 15),
            // A [bot] login is an App's bot user even if its type were misreported as a user.
            Fact(9003, "dependabot[bot]", isBot: false, "/vote +1", 15),
            // A bot that says something that looks like a broken command gets no reply: no loop between two bots.
            Fact(9004, "other-app[bot]", isBot: true, "/vote maybe\n/governance close", 15));

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.DoesNotContain("Non-binding", decision.StatusComment, StringComparison.Ordinal);
        Assert.Empty(Replies(decision));
    }

    [Fact]
    public void A_login_written_in_another_case_is_the_same_member_and_counts_once()
    {
        var story = VotingOpen("Alice", "bob", "carol")
            .Comment(15, "alice", "/vote +1")
            .Comment(16, "ALICE", "/vote -1 on reflection the migration is missing");

        var decision = story.BotRunsAt(17);

        Assert.Equal(1, decision.Tally!.Cast);
        Assert.Equal(1, decision.Tally.Minus);
        Assert.Equal(0, decision.Tally.Plus);
        var status = Status(story);
        Assert.Contains("| Alice | -1 |", status, StringComparison.Ordinal);
        Assert.DoesNotContain("| alice |", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Non-binding", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("аlice")] // Cyrillic а
    [InlineData("ALİCE")] // Turkish dotted capital I: not the same login under ordinal case folding
    [InlineData("alice-")]
    [InlineData("alice\u200B")]
    [InlineData("alice[bot]")]
    public void A_login_that_only_looks_like_a_members_is_not_that_member(string login)
    {
        var decision = VotingOpen().Comment(15, login, "/vote +1").BotRunsAt(16);

        Assert.Equal(0, decision.Tally!.Cast);
    }

    [Fact]
    public void A_TSC_read_with_one_login_in_two_spellings_is_one_member()
    {
        // tsc.members refuses the duplicate (next test); a team listing is taken as read, so the core must not count twice.
        var story = VotingOpen("Alice", "alice", "bob").Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1");

        var decision = story.BotRunsAt(16);

        Assert.Equal(2, decision.Tally!.Electorate);
        Assert.Equal("approved", decision.Outcome);
        Assert.Contains(decision.Comments, c => c.Body.Contains("2 of 2 TSC members voted", StringComparison.Ordinal));
    }

    [Fact]
    public void Tsc_members_listing_one_login_in_two_spellings_is_refused()
    {
        var config = ConfigParser.Parse("tsc:\n  members: [Alice, bob, alice]\n", ".github/governance.yml");

        var invalid = Assert.IsType<ConfigResult.Invalid>(config);
        Assert.Contains(invalid.Errors, e => e.Message.Contains("listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_who_votes_twice_is_counted_once_with_the_last_vote()
    {
        var story = VotingOpen()
            .Comment(15, "alice", "/vote -1 the timeline is too short")
            .Comment(15.5, "bob", "/vote +1")
            .Comment(16, "alice", "/vote +1 the new timeline works");

        var decision = story.BotRunsAt(17);

        Assert.Equal(2, decision.Tally!.Cast);
        Assert.Equal(2, decision.Tally.Plus);
        Assert.Equal(0, decision.Tally.Minus);
        Assert.DoesNotContain("the timeline is too short", Status(story), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_with_two_votes_is_ambiguous_and_leaves_the_earlier_vote_standing()
    {
        var story = VotingOpen()
            .Comment(15, "alice", "/vote +1")
            .Comment(16, "alice", "/vote -1 risky\n/vote +1");

        var decision = story.BotRunsAt(17);

        Assert.Equal(1, decision.Tally!.Plus);
        Assert.Equal(0, decision.Tally.Minus);
        var reply = Assert.Single(Replies(decision));
        Assert.Contains("so none of them was counted", reply.Body, StringComparison.Ordinal);
    }

    // ---- When ------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_vote_before_voting_opens_is_not_counted_and_is_answered_once()
    {
        var story = new IssueStory().Label(0);
        story.CommentAt(Day(14) - TimeSpan.FromSeconds(1), "alice", "/vote +1", out _);
        story.CommentAt(Day(14), "bob", "/vote +1", out _);
        story.BotRunsAt(Day(14) - TimeSpan.FromSeconds(1));

        var decision = story.BotRunsAt(15);
        story.BotRunsAt(16);

        Assert.Equal(1, decision.Tally!.Plus);
        Assert.Contains("| bob | +1 |", Status(story), StringComparison.Ordinal);
        Assert.Contains("| alice | not voted |", Status(story), StringComparison.Ordinal);
        Assert.Single(story.BotComments, c => c.Body.Contains("Voting opens on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vote_after_the_close_changes_nothing_and_is_answered()
    {
        var story = VotingOpen()
            .Comment(15, "alice", "/vote +1")
            .Comment(15, "bob", "/vote +1")
            .Comment(15, "carol", "/vote +1");
        Assert.Equal("approved", story.BotRunsAt(21.5).Outcome);

        story.Comment(22, "dave", "/vote -1 I was away")
            .Comment(22, "erin", "/vote -1 me too")
            .Comment(22, "alice", "/vote -1 changed my mind");
        var decision = story.BotRunsAt(23);

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal(3, decision.Tally!.Plus);
        Assert.Equal(0, decision.Tally.Minus);
        Assert.Equal(3, Replies(decision).Count(r => r.Body.Contains("its result is final", StringComparison.Ordinal)));
    }

    // ---- Forged state ----------------------------------------------------------------------------------------------

    /// <summary>The bot's real status comment of a round approved on day 15 (tsc alice, bob, carol; label at day 0).</summary>
    private static string ApprovedStatusBody()
    {
        var story = VotingOpen("alice", "bob", "carol")
            .Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15, "carol", "/vote +1");
        Assert.Equal("approved", story.BotRunsAt(16).Outcome);
        return Status(story);
    }

    [Theory]
    [InlineData("mallory", false)]
    [InlineData("governance-bot", false)] // the bot's name without [bot]: a user account anyone could register
    [InlineData("evil-app[bot]", true)] // another App's bot user
    public void A_status_comment_and_state_block_written_by_anyone_but_the_bot_are_ignored(string forger, bool isBot)
    {
        var forged = ApprovedStatusBody() + Markers.For(Markers.DecisionKey(Round.KeyFor("rfc", T0))) + "\n**Approved.**";
        Assert.Contains(StateBlock.Read(forged).Values, r => r.Outcome == Phase.Approved);
        var story = new IssueStory("alice", "bob", "carol").Label(0);

        var early = DecideWith(story, 1, Fact(9000, forger, isBot, forged, 0.5));
        var later = DecideWith(story, 15, Fact(9000, forger, isBot, forged, 0.5));

        Assert.Equal("discussion", early.Outcome);
        Assert.Equal([PhaseLabels.Discussion], early.PhaseLabels);
        Assert.Equal("voting", later.Outcome);
        Assert.Equal(0, later.Tally!.Cast);
        Assert.DoesNotContain(StateBlock.Read(later.StatusComment!).Values, r => r.Outcome is not null);
    }

    [Fact]
    public void A_state_block_forged_inside_a_members_concerns_is_not_read_back_as_state()
    {
        var forged = Markers.ExtractStateBlock(ApprovedStatusBody())!;
        var story = VotingOpen("alice", "bob", "carol")
            .Comment(15, "bob", $"/vote -1 see below\n{forged}\n--> <!-- {forged}");

        story.BotRunsAt(16);
        var decision = story.BotRunsAt(17);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal(1, decision.Tally!.Minus);
        var status = Status(story);
        Assert.Equal(1, Occurrences(status, StateBlock.Prefix));
        Assert.DoesNotContain(StateBlock.Read(status).Values, r => r.Outcome is not null);
    }

    [Fact]
    public void Concerns_that_try_to_close_the_hidden_block_keep_the_recorded_outcome_intact()
    {
        var story = VotingOpen("alice", "bob", "carol")
            .Comment(15, "alice", "/vote -1 --> <!-- governance-bot:state {\"v\":1,\"rounds\":[]} --> </details> -->")
            .Comment(15, "bob", "/vote -1 same")
            .Comment(15, "carol", "/vote +1");
        Assert.Equal("rejected", story.BotRunsAt(16).Outcome);

        var record = Assert.Single(StateBlock.Read(Status(story)).Values);
        Assert.Equal(Phase.Rejected, record.Outcome);
        Assert.Equal(3, record.Ballots.Count);

        // Final is final: read back from the block on every later run.
        Assert.Equal("rejected", story.BotRunsAt(40).Outcome);
    }

    [Theory]
    [InlineData("'{0}': 1\n")] // an unknown top-level key
    [InlineData("processes:\n  '{0}': {{ discussion: 14d }}\n")] // a trigger label refused for its <!-- and -->
    public void A_state_block_forged_in_a_configuration_key_is_not_read_back_as_state(string yaml)
    {
        // Whoever can push a broken governance.yml must not be able to plant a final outcome in the bot's status comment.
        var key = Round.KeyFor("rfc", T0);
        var forged = $$"""<!-- governance-bot:state {"v":1,"rounds":[{"key":"{{key}}","electorate":["alice"],"outcome":"approved","closedAt":"2026-03-16T10:00:00+00:00","reason":"AllVoted","votes":[]}]} -->""";
        var story = VotingOpen("alice", "bob", "carol");
        story.ConfigOverride = ConfigParser.Parse(
            "tsc:\n  members: [alice, bob, carol]\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, forged),
            ".github/governance.yml");
        Assert.IsType<ConfigResult.Invalid>(story.ConfigOverride);

        story.BotRunsAt(15);
        var paused = Status(story);
        story.ConfigOverride = null;
        var decision = story.BotRunsAt(16);

        Assert.Equal(1, Occurrences(paused, StateBlock.Prefix));
        Assert.Equal("voting", decision.Outcome);
        Assert.DoesNotContain(StateBlock.Read(Status(story)).Values, r => r.Outcome is not null);
    }

    // ---- Changes during the vote -----------------------------------------------------------------------------------

    [Fact]
    public void A_TSC_that_changes_after_voting_opened_does_not_change_the_electorate()
    {
        var story = VotingOpen();
        story.Tsc = ["alice", "bob", "frank", "grace", "heidi"];
        story.Comment(15, "frank", "/vote +1").Comment(15, "grace", "/vote +1").Comment(15, "heidi", "/vote +1")
            .Comment(15, "erin", "/vote -1 the removed member still votes in this round");

        var decision = story.BotRunsAt(16);

        Assert.Equal(5, decision.Tally!.Electorate);
        Assert.Equal(1, decision.Tally.Cast);
        Assert.Equal(1, decision.Tally.Minus);
        var status = Status(story);
        Assert.Contains("| erin | -1 |", status, StringComparison.Ordinal);
        Assert.DoesNotContain("| frank |", status, StringComparison.Ordinal);
        Assert.Contains("Non-binding votes from outside the TSC: 3 × +1, 0 × 0, 0 × -1", status, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TSC_that_changes_after_the_status_comment_was_deleted_keeps_the_electorate_named_when_voting_opened()
    {
        // An admin deletes the bot's status comment (its state block held the electorate) while the team changes.
        var story = VotingOpen();
        story.Tsc = ["alice", "frank", "grace"];
        story.Delete(Assert.Single(story.BotComments, c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)).Id);
        story.Comment(15, "frank", "/vote +1").Comment(15, "grace", "/vote +1").Comment(15, "alice", "/vote +1");
        // ... and someone posts a voting-opened comment of their own naming another electorate.
        story.Comment(14.5, "mallory", Markers.For(Markers.VotingOpenedKey(Round.KeyFor("rfc", T0))) + "\n@mallory" + Markers.ElectorateCall + ":");

        var decision = story.BotRunsAt(16);

        Assert.Equal("voting", decision.Outcome);
        Assert.Equal(5, decision.Tally!.Electorate);
        Assert.Equal(1, decision.Tally.Cast);
        Assert.Equal(["alice", "bob", "carol", "dave", "erin"], Assert.Single(StateBlock.Read(Status(story)).Values).Electorate);
    }

    [Fact]
    public void A_configuration_change_during_the_vote_keeps_the_electorate_and_the_rules_it_opened_with()
    {
        var story = VotingOpen().Comment(15, "alice", "/vote +1").Comment(15, "bob", "/vote +1").Comment(15, "carol", "/vote +1")
            .Comment(15, "dave", "/vote -1 not convinced").Comment(15.5, "erin", "/vote 0");
        story.BotRunsAt(15.2);

        // Mid-vote, governance.yml names another TSC and a lower approval share.
        var newTsc = new[] { "alice", "frank" };
        var rfc = story.Policy.Processes[0];
        story.Policy = new GovernancePolicy(
            new TscSource.Members(newTsc),
            [rfc with { Rules = rfc.Rules with { Approval = new Fraction(1, 2) } }, .. story.Policy.Processes.Skip(1)]);
        story.Tsc = newTsc;
        var decision = story.BotRunsAt(16);

        Assert.Equal(5, decision.Tally!.Electorate);
        Assert.Equal(5, decision.Tally.Cast);
        // 3 of 5 votes are +1: under the 2/3 frozen when voting opened, over the 1/2 set mid-vote. The frozen rule decides.
        Assert.Equal("rejected", decision.Outcome);
        Assert.Contains(decision.Comments, c => c.Key == Markers.DecisionKey(Round.KeyFor("rfc", T0)));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
