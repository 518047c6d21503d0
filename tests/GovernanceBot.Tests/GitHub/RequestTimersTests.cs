using System.Net;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.GitHub;

/// <summary>Alone, after the parallel tests: it counts the timers of the whole process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimersCollection
{
    public const string Name = "Timers, alone";
}

[Collection(TimersCollection.Name)]
public sealed class RequestTimersTests
{
    [Fact]
    public async Task Three_hundred_requests_through_the_real_client_chain_leave_no_timers_behind()
    {
        var options = new GitHubOptions
        {
            AppId = AdapterUnderTest.AppId,
            PrivateKey = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem(),
            WebhookSecret = "It's a Secret to Everybody",
            ApiUrl = "https://api.github.example/",
            Resilience = new GitHubResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(10) },
        };
        using var connections = new GitHubConnections(options, TimeProvider.System, NullLoggerFactory.Instance, new AnswersOk());
        await connections.Rest.GetAsync(connections.App, "app", GitHubJson.Default.GitHubApp, CancellationToken.None); // the first request builds what is built once

        var before = Timer.ActiveCount;
        for (var i = 0; i < 300; i++) await connections.Rest.GetAsync(connections.App, "app", GitHubJson.Default.GitHubApp, CancellationToken.None);
        var after = Timer.ActiveCount;

        // Octokit's per-request timeout left a 100-s timer behind each request (300 more, README "Performance"); the
        // attempt timeout must dispose its own. Allow for the runtime's.
        Assert.True(after - before < 30, $"{after - before} timers more after 300 requests");
    }

    private sealed class AnswersOk : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"slug\":\"governance-bot\"}") });
    }
}
