using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Host;

/// <summary>The real host against GitHub faked on the wire: signed real payloads in, REST calls out, checked by Prism.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class FullRfcTests : IAsyncLifetime
{
    private const string Repo = Given.Repo;
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism _wire;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeGitHub _github;
    private BotHost _host = null!;

    public FullRfcTests(GitHubBehindPrism wire)
    {
        _wire = wire;
        _github = wire.Fresh(_clock).RfcRepository();
    }

    public async Task InitializeAsync()
    {
        _host = new BotHost(_wire.Prism.Url, _clock, _wire.Prism.CreateCheckingHandler());
        await _host.SettleAsync(); // the start-up sweep
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private bool Has(string label) => _github.Labels(Repo, 12).Contains(label);

    private async Task Comment(string author, string body)
    {
        var id = _github.GivenComment(Repo, 12, author, body, _clock.GetUtcNow());
        var response = await _host.SendAsync("issue_comment", Given.CommentCreated(id, author, body));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_whole_rfc_runs_from_the_labeled_webhook_to_an_approved_decision()
    {
        // dana applies the label; GitHub records the event and sends the `issues.labeled` delivery.
        _github.AddLabel(Repo, 12, "rfc", "dana");
        var labeled = Given.Labeled();
        labeled["label"]!["name"] = "rfc";
        var response = await _host.SendAsync("issues", labeled);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await _host.SettleAsync(() => Has("governance/discussion"));

        var status = Assert.Single(_github.Comments(Repo, 12), c => c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.Equal("governance-bot[bot]", status.Author);
        Assert.Contains("discussion until 2026-05-18 09:00 UTC", status.Body);

        // Two weeks later the deadline timer opens the vote, without any webhook.
        _clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await _host.SettleAsync(() => Has("governance/voting"));
        Assert.Contains(_github.Comments(Repo, 12), c => c.Body.Contains("@alice @bob @carol", StringComparison.Ordinal));

        _clock.Advance(TimeSpan.FromHours(1));
        await Comment("alice", "/vote +1");
        await Comment("bob", "/vote -1 Security releases need their own lane.\nHappy to discuss.");
        await Comment("carol", "/vote +1");
        await _host.SettleAsync(() => Has("governance/approved"));

        Assert.Equal(["rfc", "governance/approved"], _github.Labels(Repo, 12));
        var comments = _github.Comments(Repo, 12).Where(c => c.Author == "governance-bot[bot]").ToList();
        Assert.Single(comments, c => c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.Single(comments, c => c.Body.Contains("**Voting is open**", StringComparison.Ordinal));
        var decision = Assert.Single(comments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("@dana", decision.Body);
        Assert.Contains("2 of 3 votes are +1, at least 2 needed ✅", decision.Body);
        Assert.Contains(_github.RepoLabels(Repo), l => l.Name == "governance/approved" && l.Color == "0e8a16");
        _wire.Prism.AssertNoViolations();
    }
}
