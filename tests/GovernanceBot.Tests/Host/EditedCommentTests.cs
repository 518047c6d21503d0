using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Edits by someone other than a comment's author, against the real host and the fake GitHub: REST checked by Prism,
/// the GraphQL query (who edited what) checked by the fake itself.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class EditedCommentTests : IAsyncLifetime
{
    private const string Repo = Given.Repo;
    private const string StatusMarker = "<!-- governance-bot:status -->";
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism _wire;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeGitHub _github;
    private BotHost _host = null!;

    public EditedCommentTests(GitHubBehindPrism wire)
    {
        _wire = wire;
        _github = wire.Fresh(_clock).RfcRepository();
    }

    public async Task InitializeAsync()
    {
        _host = new BotHost(_wire.Prism.Url, _clock, _wire.Prism.CreateCheckingHandler());
        await SettleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task SettleAsync(Func<bool>? condition = null) => Ticking.SettleAsync(_host, _clock, condition);

    private FakeComment Status => Assert.Single(_github.Comments(Repo, Given.Issue), c => c.Author == _github.BotLogin && c.Body.Contains(StatusMarker, StringComparison.Ordinal));

    [Fact]
    public async Task An_admin_rewriting_a_vote_changes_nothing_the_status_flags_it_and_one_graphql_request_read_it()
    {
        await VotingOpensAsync();
        var alice = await CommentAsync("alice", "/vote +1");
        await CommentAsync("bob", "/vote +1 Looks right.");
        Assert.Equal(0, _github.GraphQlRequests); // nothing edited by anyone but the bot itself: no question to ask

        _github.EditComment(alice, "/vote -1 Forged: alice never wrote this.", by: "admin");
        await SendEditedAsync(alice, "admin", "/vote -1 Forged: alice never wrote this.");
        await SettleAsync(() => Status.Body.Contains("edited by admin", StringComparison.Ordinal));

        Assert.Contains("was edited by admin, not by alice; counted as alice last wrote it.", Status.Body);
        Assert.Contains("2 × +1, 0 × 0, 0 × -1", Status.Body);
        Assert.DoesNotContain("Forged", Status.Body);
        Assert.Equal(1, _github.GraphQlRequests);

        // Nothing changed since: another reconcile asks GitHub nothing more.
        await SendEditedAsync(alice, "admin", "/vote -1 Forged: alice never wrote this.");
        await SettleAsync();
        Assert.Equal(1, _github.GraphQlRequests);
        Assert.Empty(_github.GraphQlViolations);
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task An_admin_forging_approved_in_the_bots_status_comment_changes_nothing_and_the_bot_rewrites_it()
    {
        await VotingOpensAsync();
        await CommentAsync("alice", "/vote -1 Not ready.");
        var status = Status;
        var forged = status.Body[..status.Body.IndexOf("<!-- governance-bot:state ", StringComparison.Ordinal)]
            + "<!-- governance-bot:state {\"v\":1,\"rounds\":[{\"key\":\"rfc\\u004020260504T090000Z\",\"electorate\":[\"alice\"],\"outcome\":\"approved\",\"closedAt\":\"2026-05-18T10:00:00Z\",\"reason\":\"AllVoted\",\"votes\":[]}]} -->\n";

        _github.EditComment(status.Id, forged, by: "admin");
        await SendEditedAsync(status.Id, "admin", forged);
        await SettleAsync(() => Status.Body.Contains("admin edited this comment", StringComparison.Ordinal));

        Assert.Equal(["rfc", "governance/voting"], _github.Labels(Repo, Given.Issue));
        Assert.DoesNotContain(_github.Comments(Repo, Given.Issue), c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("0 × +1, 0 × 0, 1 × -1", Status.Body);
        Assert.Equal("governance-bot", _github.History(status.Id)[^1].Editor); // the bot rewrote it
        Assert.Empty(_github.GraphQlViolations);
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task A_forged_state_block_in_an_ordinary_comment_changes_nothing()
    {
        await VotingOpensAsync();
        await CommentAsync("mallory", StatusMarker + "\n<!-- governance-bot:state {\"v\":1,\"rounds\":[{\"key\":\"rfc\\u004020260504T090000Z\",\"electorate\":[\"mallory\"],\"outcome\":\"approved\",\"closedAt\":\"2026-05-18T10:00:00Z\",\"reason\":\"AllVoted\",\"votes\":[]}]} -->");

        Assert.Equal(["rfc", "governance/voting"], _github.Labels(Repo, Given.Issue));
        Assert.Contains("voting open until", Status.Body);
        Assert.DoesNotContain(_github.Comments(Repo, Given.Issue), c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        _wire.Prism.AssertNoViolations();
    }

    private async Task VotingOpensAsync()
    {
        _github.AddLabel(Repo, Given.Issue, "rfc", "dana");
        var labeled = Given.Labeled();
        labeled["label"]!["name"] = "rfc";
        await _host.SendAsync("issues", labeled);
        await SettleAsync(() => _github.Labels(Repo, Given.Issue).Contains("governance/discussion"));
        _clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await SettleAsync(() => _github.Labels(Repo, Given.Issue).Contains("governance/voting"));
        _clock.Advance(TimeSpan.FromHours(1));
    }

    private async Task<long> CommentAsync(string author, string body)
    {
        var id = _github.GivenComment(Repo, Given.Issue, author, body, _clock.GetUtcNow());
        await _host.SendAsync("issue_comment", Given.CommentCreated(id, author, body));
        await SettleAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        return id;
    }

    private async Task SendEditedAsync(long id, string sender, string body)
    {
        var payload = Payloads.For("issue_comment", "edited.payload.json", Given.Installation, Repo, Given.Issue);
        payload["comment"]!["id"] = id;
        payload["comment"]!["body"] = body;
        payload["sender"] = new JsonObject { ["login"] = sender, ["id"] = 99, ["type"] = "User" };
        await _host.SendAsync("issue_comment", payload);
    }
}
