using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Edits by someone other than a comment's author, against the real host and the fake GitHub: REST checked by Prism,
/// the GraphQL query (who edited what) checked by the fake itself.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class EditedCommentTests(GitHubBehindPrism wire) : IAsyncLifetime
{
    private const string StatusMarker = GovernanceApp.StatusMarker;

    private GovernanceApp _app = null!;

    /// <summary>The bot on a fake clock that ticks while the test waits (a retry after a spurious timeout waits on it).</summary>
    public async Task InitializeAsync() =>
        _app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { TickWhileSettling = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(25)) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private FakeComment Status => _app.StatusComment;

    [Fact]
    public async Task An_admin_rewriting_a_vote_changes_nothing_the_status_flags_it_and_one_graphql_request_read_it()
    {
        await VotingOpensAsync();
        var alice = await CommentAsync("alice", "/vote +1");
        await CommentAsync("bob", "/vote +1 Looks right.");
        // Nothing edited by anyone but the bot itself: no question about comments. The description's last edit is asked
        // once, when the bot first reads the issue, and not again while its text stays the same.
        Assert.Equal(1, _app.GitHub.GraphQlRequests);

        await _app.EditAsync(alice, "/vote -1 Forged: alice never wrote this.", by: "admin");
        await _app.SettleAsync(() => Status.Body.Contains("edited by admin", StringComparison.Ordinal));

        Assert.Contains("was edited by admin, not by alice; counted as alice last wrote it.", Status.Body);
        Assert.Contains("2 × +1, 0 × 0, 0 × -1", Status.Body);
        Assert.DoesNotContain("Forged", Status.Body);
        Assert.Equal(2, _app.GitHub.GraphQlRequests);

        // Nothing changed since: another reconcile asks GitHub nothing more.
        await _app.SendEditedAsync(alice, "/vote -1 Forged: alice never wrote this.", by: "admin");
        await _app.SettleAsync();
        Assert.Equal(2, _app.GitHub.GraphQlRequests);
        Assert.Empty(_app.GitHub.GraphQlViolations);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task An_admin_forging_approved_in_the_bots_status_comment_changes_nothing_and_the_bot_rewrites_it()
    {
        await VotingOpensAsync();
        await CommentAsync("alice", "/vote -1 Not ready.");
        var status = Status;
        var forged = status.Body[..status.Body.IndexOf("<!-- governance-bot:state ", StringComparison.Ordinal)]
            + "<!-- governance-bot:state {\"v\":1,\"rounds\":[{\"key\":\"rfc\\u004020260504T090000Z\",\"electorate\":[\"alice\"],\"outcome\":\"approved\",\"closedAt\":\"2026-05-18T10:00:00Z\",\"reason\":\"AllVoted\",\"votes\":[]}]} -->\n";

        await _app.EditAsync(status.Id, forged, by: "admin");
        await _app.SettleAsync(() => Status.Body.Contains("admin edited this comment", StringComparison.Ordinal));

        Assert.Equal(["rfc", "governance/voting"], _app.Labels);
        Assert.DoesNotContain(_app.Comments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("0 × +1, 0 × 0, 1 × -1", Status.Body);
        Assert.Equal("governance-bot", _app.GitHub.History(status.Id)[^1].Editor); // the bot rewrote it
        Assert.Empty(_app.GitHub.GraphQlViolations);
        _app.AssertNoViolations();
    }

    [Fact]
    public async Task A_forged_state_block_in_an_ordinary_comment_changes_nothing()
    {
        await VotingOpensAsync();
        await CommentAsync("mallory", StatusMarker + "\n<!-- governance-bot:state {\"v\":1,\"rounds\":[{\"key\":\"rfc\\u004020260504T090000Z\",\"electorate\":[\"mallory\"],\"outcome\":\"approved\",\"closedAt\":\"2026-05-18T10:00:00Z\",\"reason\":\"AllVoted\",\"votes\":[]}]} -->");

        Assert.Equal(["rfc", "governance/voting"], _app.Labels);
        Assert.Contains("voting open until", Status.Body);
        Assert.DoesNotContain(_app.Comments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        _app.AssertNoViolations();
    }

    /// <summary>dana labels the issue, the discussion runs its two weeks, the vote opens, an hour passes.</summary>
    private async Task VotingOpensAsync()
    {
        await _app.LabelAsync("rfc", by: "dana");
        await _app.SettleAsync(() => _app.Has("governance/discussion"));
        _app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await _app.SettleAsync(() => _app.Has("governance/voting"));
        _app.Advance(TimeSpan.FromHours(1));
    }

    /// <summary>A comment, taken in by the bot; five minutes pass.</summary>
    private async Task<long> CommentAsync(string author, string body)
    {
        var id = await _app.CommentAsync(author, body);
        await _app.SettleAsync();
        _app.Advance(TimeSpan.FromMinutes(5));
        return id;
    }
}
