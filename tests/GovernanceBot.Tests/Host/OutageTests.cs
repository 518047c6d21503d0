using System.Net;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// GitHub failing for a while, connections cut before and after a write, issues and repositories that are gone: the
/// host stays healthy, never posts a comment twice, and converges once GitHub answers.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class OutageTests(GitHubBehindPrism wire)
{
    private const string Repo = Given.Repo;
    private const int Issue = Given.Issue;

    private static async Task AssertHealthyAsync(BotHost host)
    {
        var health = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private void AssertOpenedOnce(FakeGitHub github)
    {
        Assert.Equal(["rfc", "governance/discussion"], github.Labels(Repo, Issue));
        var bot = github.Comments(Repo, Issue).Where(c => c.IsBot).ToList();
        Assert.True(bot.Count == 1, $"{bot.Count} bot comments");
        Assert.Contains("<!-- governance-bot:status -->", bot[0].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task GitHub_failing_for_a_while_then_answering_ends_in_one_status_comment(int status)
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        await using var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        await host.SettleAsync();

        // More failures than one call's attempts: the reconcile itself fails and is retried by the worker.
        github.Interfere(HttpMethod.Get, $"/issues/{Issue}", new FakeFault(status), times: 5);
        github.Interfere(HttpMethod.Post, "/comments", new FakeFault(status), times: 2);
        github.AddLabel(Repo, Issue, "rfc", "dana");
        Assert.Equal(HttpStatusCode.Accepted, (await host.SendAsync("issues", Given.Labeled())).StatusCode);
        await host.SettleAsync(() => github.Comments(Repo, Issue).Any(c => c.IsBot) && github.Labels(Repo, Issue).Contains("governance/discussion"), seconds: 60);

        AssertOpenedOnce(github);
        Assert.True(github.Exchanges().Count(e => e.Status == status) >= 7, "the outage really happened");
        await AssertHealthyAsync(host);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }

    [Theory]
    [InlineData("POST", "/comments", false)]
    [InlineData("POST", "/comments", true)]
    [InlineData("POST", "/issues/12/labels", true)]
    [InlineData("GET", "/issues/12", false)]
    public async Task A_connection_reset_before_or_after_GitHub_acted_leaves_no_duplicate(string method, string path, bool afterHandling)
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        var resets = new ConnectionResets(new HttpMethod(method), path, afterHandling, times: 1, wire.Prism.CreateCheckingHandler());
        await using var host = new BotHost(wire.Prism.Url, clock, resets);
        await host.SettleAsync();

        github.AddLabel(Repo, Issue, "rfc", "dana");
        await host.SendAsync("issues", Given.Labeled());
        await host.SettleAsync(() => github.Comments(Repo, Issue).Any(c => c.IsBot) && github.Labels(Repo, Issue).Contains("governance/discussion"), seconds: 60);

        Assert.Equal(1, resets.Cut); // the connection was really cut
        AssertOpenedOnce(github);
        await AssertHealthyAsync(host);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_delivery_for_an_issue_that_is_gone_changes_nothing()
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        await using var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        await host.SettleAsync();

        var response = await host.SendAsync("issues", Payloads.For("issues", "labeled.payload.json", Given.Installation, Repo, 404));
        await host.SettleAsync();
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(github.Exchanges(), e => e.Request.Path == $"/repos/{Repo}/issues/404" && e.Status == 404);
        Assert.Empty(github.PostedComments());
        Assert.DoesNotContain(github.Requests(), r => r.Method != "GET" && !r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        await AssertHealthyAsync(host);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_delivery_from_a_repository_answering_410_changes_nothing_and_others_go_on()
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        github.GivenInstallation(Given.Installation, Repo, "octo-org/gone").GivenIssue("octo-org/gone", 5, "RFC: elsewhere", "dana", "rfc");
        github.GivenRepositoryAnswers("octo-org/gone", 410);
        await using var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        await host.SettleAsync();

        var gone = await host.SendAsync("issues", Payloads.For("issues", "labeled.payload.json", Given.Installation, "octo-org/gone", 5));
        github.AddLabel(Repo, Issue, "rfc", "dana");
        var here = await host.SendAsync("issues", Given.Labeled());
        await host.SettleAsync(() => github.Comments(Repo, Issue).Any(c => c.IsBot), seconds: 30);

        Assert.Equal(HttpStatusCode.Accepted, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, here.StatusCode);
        Assert.Empty(github.Comments("octo-org/gone", 5));
        AssertOpenedOnce(github);
        await AssertHealthyAsync(host);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }
}
