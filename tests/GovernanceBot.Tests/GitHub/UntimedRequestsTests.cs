using System.Net;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;
using Octokit.Internal;

namespace GovernanceBot.Tests.GitHub;

/// <summary>
/// Octokit's own per-request timeout is cleared before a request is sent: Octokit turns it into a timer and two
/// cancellation sources it never disposes, which lived on for 100 s after every request (50,000 of them under load).
/// </summary>
public sealed class UntimedRequestsTests
{
    [Fact]
    public async Task A_request_reaches_the_inner_client_without_octokits_timeout()
    {
        var inner = new RecordingClient();
        using var client = new UntimedRequests(inner);
        var request = new Request { Method = HttpMethod.Get, BaseAddress = new Uri("https://api.github.com/"), Endpoint = new Uri("zen", UriKind.Relative) };
        Assert.NotEqual(TimeSpan.Zero, request.Timeout); // Octokit's default, 100 s

        await client.Send(request, CancellationToken.None);

        Assert.Same(request, Assert.Single(inner.Sent));
        Assert.Equal(TimeSpan.Zero, request.Timeout);
    }

    private sealed class RecordingClient : IHttpClient
    {
        public List<IRequest> Sent { get; } = [];

        public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
        {
            Sent.Add(request);
            return Task.FromResult<IResponse>(new OkResponse());
        }

        public void SetRequestTimeout(TimeSpan timeout)
        {
        }

        private sealed class OkResponse : IResponse
        {
            public object Body => "ok";

            public IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

            public ApiInfo? ApiInfo => null;

            public HttpStatusCode StatusCode => HttpStatusCode.OK;

            public string ContentType => "text/plain";
        }

        public void Dispose()
        {
        }
    }
}

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
        await connections.App.Connection.GetRaw(new Uri("zen", UriKind.Relative), null); // the first request builds what is built once

        var before = Timer.ActiveCount;
        for (var i = 0; i < 300; i++) await connections.App.Connection.GetRaw(new Uri("zen", UriKind.Relative), null);
        var after = Timer.ActiveCount;

        // Before the fix every request left a 100-s timer behind: 300 more. Allow for the runtime's own.
        Assert.True(after - before < 30, $"{after - before} timers more after 300 requests");
    }

    private sealed class AnswersOk : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Design for failure.") });
    }
}
