using System.Net;
using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Deliveries in bulk at the webhook edge: the same delivery a hundred times has one reconcile's effect, and two
/// hundred at once are all taken in (some after a 503 and its <c>Retry-After</c>, as a redelivery would) and each
/// process gets its status comment, once.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class DeliveryBurstTests(GitHubBehindPrism wire, ITestOutputHelper output)
{
    private const string Repo = GovernanceApp.Repo;

    /// <summary>Sends until the endpoint takes it: a 503 must carry <c>Retry-After</c>, and the delivery is sent again.</summary>
    private static async Task<(HttpResponseMessage Response, int Refusals)> DeliverAsync(GovernanceApp app, JsonObject payload, string delivery)
    {
        for (var refusals = 0; ; refusals++)
        {
            var response = await app.DeliverAsync("issues", payload, delivery);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return (response, refusals);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            await Task.Delay(50); // the redelivery, sooner than asked: the test has no ten seconds to spare
        }
    }

    private static async Task WaitUntilSweptAsync(GovernanceApp app)
    {
        var sweeper = app.Host.Services.GetRequiredService<GovernanceBot.Processing.Sweeper>();
        await app.SettleAsync(() => sweeper.Completed >= 1);
    }

    [Fact]
    public async Task The_same_delivery_sent_100_times_at_once_has_the_effect_of_one()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Time = Time.Offset });
        await WaitUntilSweptAsync(app);
        var before = app.GitHub.Requests().Count;

        app.GitHub.AddLabel(Repo, Given.Issue, "rfc", "dana");
        var delivery = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => DeliverAsync(app, Given.Labeled(), delivery)));
        await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 60);
        await Task.Delay(300);
        await app.SettleAsync();

        Assert.Single(results, r => r.Response.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(99, results.Count(r => r.Response.StatusCode == HttpStatusCode.OK));
        Assert.Single(app.Comments, c => c.IsBot);
        var issueReads = app.GitHub.Requests().Skip(before).Count(r => r.Method == "GET" && r.Path == $"/repos/{Repo}/issues/{Given.Issue}");
        Assert.Equal(1, issueReads);
        output.WriteLine($"100 × one delivery: {results.Sum(r => r.Refusals)} refusal(s) with 503 first; {issueReads} reconcile");
        app.AssertNoViolations();
    }

    [Fact]
    public async Task Two_hundred_concurrent_deliveries_are_all_taken_in_and_every_process_gets_one_status_comment()
    {
        var numbers = Enumerable.Range(1000, 200).ToList();
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions
        {
            Given = github => numbers.Aggregate(github.RfcRepository(), (g, n) => g.GivenIssue(Repo, n, $"RFC {n}", "dana")),

            // A tight limit, so that some deliveries meet the 503 and come back.
            Settings = new Dictionary<string, string> { ["Webhooks:MaxConcurrentDeliveries"] = "2", ["Webhooks:QueuedDeliveries"] = "2" },
        });
        await WaitUntilSweptAsync(app);

        // A fake clock pushed along while the test waits: 400 writes at GitHub's pace of 80 a minute take five minutes.
        await using (app.KeepTimeMoving(TimeSpan.FromSeconds(2), every: TimeSpan.FromMilliseconds(25)))
        {
            foreach (var n in numbers) app.GitHub.AddLabel(Repo, n, "rfc", "dana");
            var started = DateTime.UtcNow;
            var results = await Task.WhenAll(numbers.Select(n => DeliverAsync(app, Given.Labeled(n), Guid.NewGuid().ToString())));
            await app.SettleAsync(
                () => numbers.All(n => app.GitHub.Labels(Repo, n).Contains("governance/discussion") && app.GitHub.Comments(Repo, n).Any(c => c.IsBot)),
                seconds: 240);
            output.WriteLine($"200 concurrent deliveries: {results.Count(r => r.Refusals > 0)} refused with 503 at first ({results.Sum(r => r.Refusals)} refusals), all processed in {(DateTime.UtcNow - started).TotalSeconds:F0}s; {app.GitHub.Requests().Count} requests to GitHub");

            Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.Response.StatusCode));
            // Whether some meet the limit depends on timing on the machine; the 503 path itself is shown deterministically in
            // HostileWebhookTests. What must hold whatever the timing: every delivery is taken in and none is lost.
            Assert.All(numbers, n => Assert.Single(app.GitHub.Comments(Repo, n), c => c.IsBot && c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal)));
            Assert.Equal(0, app.GitHub.Exchanges().Count(e => e.Status == 422));
            app.AssertNoViolations(responsesToo: false);
        }
    }
}
