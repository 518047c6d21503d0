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
    private const string Repo = GovernanceApp.Repo;
    private const int Issue = GovernanceApp.Issue;

    /// <summary>Real time (shifted): the retry delays really pass.</summary>
    private static readonly GovernanceAppOptions RealTime = new() { Time = Time.Offset };

    private static void AssertOpenedOnce(GovernanceApp app)
    {
        Assert.Equal(["rfc", "governance/discussion"], app.Labels);
        var bot = app.Comments.Where(c => c.IsBot).ToList();
        Assert.True(bot.Count == 1, $"{bot.Count} bot comments");
        Assert.Contains(GovernanceApp.StatusMarker, bot[0].Body, StringComparison.Ordinal);
    }

    private static bool Opened(GovernanceApp app) => app.Comments.Any(c => c.IsBot) && app.Has("governance/discussion");

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task GitHub_failing_for_a_while_then_answering_ends_in_one_status_comment(int status)
    {
        await using var app = await GovernanceApp.StartAsync(wire, RealTime);

        // More failures than one call's attempts: the reconcile itself fails and is retried by the worker.
        app.GitHub.Interfere(HttpMethod.Get, $"/issues/{Issue}", new FakeFault(status), times: 5);
        app.GitHub.Interfere(HttpMethod.Post, "/comments", new FakeFault(status), times: 2);
        Assert.Equal(HttpStatusCode.Accepted, (await app.LabelAsync("rfc", by: "dana")).StatusCode);
        await app.SettleAsync(() => Opened(app), seconds: 60);

        AssertOpenedOnce(app);
        Assert.True(app.GitHub.Exchanges().Count(e => e.Status == status) >= 7, "the outage really happened");
        await app.AssertHealthyAsync();
        app.AssertNoViolations(responsesToo: false);
    }

    [Theory]
    [InlineData("POST", "/comments", false)]
    [InlineData("POST", "/comments", true)]
    [InlineData("POST", "/issues/12/labels", true)]
    [InlineData("GET", "/issues/12", false)]
    public async Task A_connection_reset_before_or_after_GitHub_acted_leaves_no_duplicate(string method, string path, bool afterHandling)
    {
        ConnectionResets? resets = null;
        await using var app = await GovernanceApp.StartAsync(wire, RealTime with
        {
            Network = network => resets = new ConnectionResets(new HttpMethod(method), path, afterHandling, times: 1, network),
        });

        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => Opened(app), seconds: 60);

        Assert.Equal(1, resets!.Cut); // the connection was really cut
        AssertOpenedOnce(app);
        await app.AssertHealthyAsync();
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_delivery_for_an_issue_that_is_gone_changes_nothing()
    {
        await using var app = await GovernanceApp.StartAsync(wire, RealTime);

        var response = await app.DeliverAsync("issues", Given.Labeled(issue: 404));
        await app.SettleAsync();
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(app.GitHub.Exchanges(), e => e.Request.Path == $"/repos/{Repo}/issues/404" && e.Status == 404);
        Assert.Empty(app.GitHub.PostedComments());
        Assert.DoesNotContain(app.GitHub.Requests(), r => r.Method != "GET" && !r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        await app.AssertHealthyAsync();
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_delivery_from_a_repository_answering_410_changes_nothing_and_others_go_on()
    {
        await using var app = await GovernanceApp.StartAsync(wire, RealTime with
        {
            Given = github => github.RfcRepository()
                .GivenInstallation(Given.Installation, Repo, "octo-org/gone").GivenIssue("octo-org/gone", 5, "RFC: elsewhere", "dana", "rfc")
                .GivenRepositoryAnswers("octo-org/gone", 410),
        });

        var gone = await app.DeliverAsync("issues", Payloads.For("issues", "labeled.payload.json", Given.Installation, "octo-org/gone", 5));
        var here = await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Comments.Any(c => c.IsBot), seconds: 30);

        Assert.Equal(HttpStatusCode.Accepted, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, here.StatusCode);
        Assert.Empty(app.GitHub.Comments("octo-org/gone", 5));
        AssertOpenedOnce(app);
        await app.AssertHealthyAsync();
        app.AssertNoViolations(responsesToo: false);
    }
}
