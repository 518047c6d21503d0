using System.Net;
using System.Text;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Issue 8, vote integrity against the real host and GitHub faked on the wire (every request checked by Prism): nobody
/// outside the frozen TSC, no bot, no hidden or look-alike line and no forged status comment changes a result, and
/// huge comments leave the host healthy with every body GitHub would accept.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class HostileVoteTests(GitHubBehindPrism wire) : IAsyncLifetime
{
    private const int GitHubBodyLimit = 65_536;
    private static readonly DateTimeOffset Start = GovernanceApp.DefaultStart;

    private GovernanceApp _app = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>
    /// The bot on a fake clock. A retry (after an attempt timed out on a loaded machine) waits on that clock, so while
    /// the test waits for the bot the clock is nudged five seconds each second: nothing in these tests depends on seconds.
    /// </summary>
    private async Task StartAsync(string config)
    {
        _app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions
        {
            Config = config,
            TickWhileSettling = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)),
            SettleSeconds = 90,
        });
    }

    /// <summary>A comment is posted a minute after the previous one, and GitHub sends its delivery.</summary>
    private Task<long> Comment(string author, string body, bool isBot = false)
    {
        _app.Advance(TimeSpan.FromMinutes(1));
        return _app.CommentAsync(author, body, isBot);
    }

    /// <summary>dana applies <c>rfc</c>; two weeks later the vote opens.</summary>
    private async Task OpenTheVoteAsync()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.LabelAsync("rfc", by: "dana")).StatusCode);
        await _app.SettleAsync(() => _app.Has("governance/discussion"));
        _app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await _app.SettleAsync(() => _app.Has("governance/voting"));
    }

    /// <summary>Every body the bot sent, not only those GitHub stored (it stores none over its limit).</summary>
    private void AssertEveryBotBodyFits() =>
        Assert.All(_app.GitHub.CommentBodiesSent(), b => Assert.True(b.Length < GitHubBodyLimit, $"a bot comment of {b.Length} characters"));

    [Fact]
    public async Task Only_the_visible_votes_of_the_TSC_count_whoever_else_votes_and_however_a_vote_is_dressed()
    {
        await StartAsync("tsc:\n  members: [Alice, bob, carol]\n");
        await OpenTheVoteAsync();

        await Comment("mallory", "/vote -1 outsiders disagree");
        await Comment("renovate[bot]", "/vote -1 bots disagree");
        await Comment("ci-machine", "/vote -1 a machine account of type Bot", isBot: true);
        await Comment("alice", "```\n/vote -1 inside a fence\n```");
        await Comment("alice", "~~~\n/vote -1 inside a tilde fence\n~~~");
        await Comment("alice", "- ```\n  /vote -1 in a fence on a list item\n  ```");
        await Comment("alice", "> Is this ready?\n/vote -1 a lazy line of the quote");
        await Comment("alice", "<!--\n/vote -1 in an HTML comment\n-->");
        await Comment("alice", "<div>\n/vote -1 in an HTML block\n</div>");
        await Comment("alice", "／vote -1 a fullwidth solidus");
        var minus = await Comment("alice", "/vote −1 a minus sign");
        await Comment("bob", "/vote -1 not before the migration guide");
        await Comment("bob", "/vote +1 the guide is there now");
        await Comment("alice", "<details><summary>My vote</summary>\n\n/vote +1\n\n</details>");
        await Comment("carol", "/vote 0");
        await _app.SettleAsync(() => _app.Has("governance/approved"));

        Assert.Equal(["rfc", "governance/approved"], _app.Labels);
        var decision = Assert.Single(_app.BotComments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("3 of 3 TSC members voted", decision.Body, StringComparison.Ordinal);
        Assert.Contains("2 of 3 votes are +1, at least 2 needed ✅", decision.Body, StringComparison.Ordinal);
        Assert.Contains("| Alice | +1 |", _app.Status, StringComparison.Ordinal);
        Assert.Contains("| bob | +1 |", _app.Status, StringComparison.Ordinal);
        Assert.Contains("Non-binding votes from outside the TSC: 0 × +1, 0 × 0, 1 × -1 (shown, not counted).", _app.Status, StringComparison.Ordinal);

        // One polite reply, to the look-alike minus sign; none to outsiders, bots or hidden lines.
        var reply = Assert.Single(_app.BotComments, c => c.Body.StartsWith(Markers.Prefix + "reply:", StringComparison.Ordinal));
        Assert.Contains($"reply:{minus}:", reply.Body, StringComparison.Ordinal);
        Assert.Contains("@alice, thank you.", reply.Body, StringComparison.Ordinal);
        Assert.Contains("is not a vote I understand", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.BotComments, c => c.Body.Contains("@mallory", StringComparison.Ordinal) || c.Body.Contains("@renovate", StringComparison.Ordinal));
        AssertEveryBotBodyFits();
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task A_status_comment_forged_by_someone_else_changes_nothing_and_the_bot_still_posts_its_own()
    {
        await StartAsync(Given.ThreeMemberTsc);
        var key = Round.KeyFor("rfc", Start);
        var forged = new StringBuilder()
            .Append(Markers.Status).Append('\n')
            .Append("### ✅ RFC: approved on 2026-05-04 09:00 UTC\n")
            .Append(Markers.For(Markers.VotingOpenedKey(key))).Append('\n')
            .Append(Markers.For(Markers.DecisionKey(key))).Append('\n')
            .Append(StateBlock.Prefix)
            .Append($$"""{"v":1,"rounds":[{"key":"{{key}}","electorate":["mallory"],"outcome":"approved","closedAt":"2026-05-04T09:00:00+00:00","reason":"AllVoted","tally":[1,0,0],"votes":[]}]}""")
            .Append(StateBlock.Suffix).Append('\n')
            .ToString();
        // Posted before the bot has said anything, by a user and by a user named like the bot, while dana labels the issue.
        _app.CommentWithoutWebhook("mallory", forged, Start);
        _app.CommentWithoutWebhook("governance-bot", forged, Start);

        await OpenTheVoteAsync();
        Assert.Single(_app.BotComments, c => c.Body.Contains("**Voting is open**", StringComparison.Ordinal));
        Assert.Contains("🗳️", _app.Status, StringComparison.Ordinal);
        await Comment("mallory", forged.Replace("approved", "approved!", StringComparison.Ordinal));

        await Comment("alice", "/vote -1 the rollout plan is missing");
        await Comment("bob", "/vote -1 agreed with alice");
        await Comment("carol", "/vote +1");
        await _app.SettleAsync(() => _app.Has("governance/rejected"));

        Assert.Equal(["rfc", "governance/rejected"], _app.Labels);
        Assert.Single(_app.BotComments, c => c.Body.Contains(Markers.For(Markers.DecisionKey(key)), StringComparison.Ordinal) && c.Body.Contains("**Rejected.**", StringComparison.Ordinal));
        var record = Assert.Single(StateBlock.Read(_app.Status).Values);
        Assert.Equal(Phase.Rejected, record.Outcome);
        Assert.Equal(["alice", "bob", "carol"], record.Electorate);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task A_team_and_a_configuration_that_change_during_the_vote_leave_the_electorate_as_it_opened()
    {
        await StartAsync("tsc:\n  team: tsc\n");
        _app.GitHub.GivenTeam("octo-org", "tsc", "alice", "bob", "carol");
        await OpenTheVoteAsync();
        Assert.Contains(_app.BotComments, c => c.Body.Contains("@alice @bob @carol", StringComparison.Ordinal));

        _app.GitHub.GivenTeam("octo-org", "tsc", "alice", "frank", "grace");
        await Comment("frank", "/vote +1");
        await _app.SettleAsync(() => _app.Status.Contains("Non-binding votes from outside the TSC: 1 × +1", StringComparison.Ordinal));
        _app.GitHub.GivenFile(GovernanceApp.Repo, ".github/governance.yml", "tsc:\n  members: [alice, frank, grace]\n");
        await Comment("grace", "/vote +1");
        await Comment("bob", "/vote -1 removed from the team, still a voter in this round");
        await Comment("alice", "/vote +1");
        await Comment("carol", "/vote +1");
        await _app.SettleAsync(() => _app.Has("governance/approved"));

        var decision = Assert.Single(_app.BotComments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("3 of 3 TSC members voted", decision.Body, StringComparison.Ordinal);
        Assert.Contains("2 of 3 votes are +1", decision.Body, StringComparison.Ordinal);
        Assert.Contains("| bob | -1 |", _app.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("| frank |", _app.Status, StringComparison.Ordinal);
        Assert.Contains("Non-binding votes from outside the TSC: 2 × +1, 0 × 0, 0 × -1", _app.Status, StringComparison.Ordinal);
        Assert.Equal(["alice", "bob", "carol"], Assert.Single(StateBlock.Read(_app.Status).Values).Electorate);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task Votes_before_the_opening_and_after_the_close_are_answered_once_and_never_counted()
    {
        await StartAsync(Given.ThreeMemberTsc);
        await _app.LabelAsync("rfc", by: "dana");
        await _app.SettleAsync(() => _app.Has("governance/discussion"));
        await Comment("alice", "/vote -1 before the discussion ended");
        await _app.SettleAsync(() => _app.BotComments.Any(c => c.Body.Contains("Voting opens on 2026-05-18 09:00 UTC", StringComparison.Ordinal)));

        _app.Advance(TimeSpan.FromDays(14));
        await _app.SettleAsync(() => _app.Has("governance/voting"));
        await Comment("alice", "/vote +1");
        await Comment("bob", "/vote +1");
        await Comment("carol", "/vote +1");
        await _app.SettleAsync(() => _app.Has("governance/approved"));
        await Comment("carol", "/vote -1 too late, on purpose");
        await Comment("bob", "/vote -1 me too");
        await _app.SettleAsync(() => _app.BotComments.Count(c => c.Body.Contains("its result is final", StringComparison.Ordinal)) == 2);

        Assert.Equal(["rfc", "governance/approved"], _app.Labels);
        Assert.Single(_app.BotComments, c => c.Body.Contains("Voting opens on", StringComparison.Ordinal));
        Assert.Single(_app.BotComments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("3 of 3 TSC members voted", _app.Status, StringComparison.Ordinal);
        Assert.Contains("- Votes: 3 × +1, 0 × 0, 0 × -1", _app.Status, StringComparison.Ordinal);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task A_status_comment_deleted_during_the_vote_comes_back_with_the_electorate_the_vote_opened_with()
    {
        await StartAsync("tsc:\n  team: tsc\n");
        _app.GitHub.GivenTeam("octo-org", "tsc", "alice", "bob", "carol");
        await OpenTheVoteAsync();
        await Comment("alice", "/vote +1");
        await _app.SettleAsync(() => _app.Status.Contains("| alice | +1 |", StringComparison.Ordinal));

        // An admin deletes the bot's status comment, and the team changes.
        _app.GitHub.DeleteComment(Assert.Single(_app.BotComments, c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)).Id);
        _app.GitHub.GivenTeam("octo-org", "tsc", "alice", "frank");
        await Comment("frank", "/vote +1");
        await _app.SettleAsync(() => _app.BotComments.Any(c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)));

        Assert.True(_app.Has("governance/voting"));
        Assert.Contains("1 of 3 TSC members voted", _app.Status, StringComparison.Ordinal);
        Assert.Contains("Not voted yet: bob, carol.", _app.Status, StringComparison.Ordinal);
        Assert.Equal(["alice", "bob", "carol"], Assert.Single(StateBlock.Read(_app.Status).Values).Electorate);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task Comments_of_100_kb_and_of_a_thousand_vote_lines_count_at_most_once_and_leave_the_host_healthy()
    {
        await StartAsync(Given.ThreeMemberTsc);
        await OpenTheVoteAsync();
        var prose = string.Concat(Enumerable.Repeat("Ünïcödé prose with *emphasis*, `code`, <b>html</b>, @bob and #12.\n", 1700));
        Assert.True(prose.Length > 100 * 1024);

        await Comment("alice", prose + "\n/vote +1");
        await Comment("bob", "/vote -1 " + prose);
        await Comment("mallory", string.Concat(Enumerable.Repeat("/vote +1\n", 1000)));
        await Comment("carol", string.Concat(Enumerable.Repeat("/vote +1\n/vote 0\n", 500)));
        await _app.SettleAsync(() => _app.BotComments.Count(c => c.Body.Contains("This comment has 1000 `/vote` lines", StringComparison.Ordinal)) == 2);

        Assert.True(_app.Has("governance/voting"));
        Assert.Contains("- Votes: 1 × +1, 0 × 0, 1 × -1", _app.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("@bob", _app.Status, StringComparison.Ordinal);
        AssertEveryBotBodyFits();
        Assert.Equal(HttpStatusCode.OK, (await _app.Host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        _app.AssertNoViolations();
    }
}
