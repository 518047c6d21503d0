using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.GitHub;
using GovernanceBot.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog.Core;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The real bot host, in process, talking to <see cref="FakeGitHub"/> through Prism (every request checked against
/// GitHub's REST description). Webhooks are sent signed, as GitHub sends them.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    public const string Secret = "It's a Secret to Everybody";
    public const string OldSecret = "the secret before the rotation";

    private readonly string _apiUrl;
    private readonly TimeProvider _clock;
    private readonly HttpMessageHandler? _network;
    private readonly TimeSpan _sweepInterval;

    private readonly string? _replicaId;
    private readonly TimeSpan _claimSettle;
    private readonly ILogEventSink? _logs;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <param name="claimSettle">zero by default: on a fake clock a wait would never end; the replica tests run on real time.</param>
    /// <param name="logs">when given, receives every log event the host writes (at the levels the host is configured with).</param>
    /// <param name="settings">more configuration, applied last (e.g. <c>Webhooks:MaxConcurrentDeliveries</c>).</param>
    public BotHost(string apiUrl, TimeProvider clock, HttpMessageHandler? network, TimeSpan? sweepInterval = null, string? replicaId = null, TimeSpan? claimSettle = null, ILogEventSink? logs = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _logs = logs;
        _settings = settings;
        _replicaId = replicaId;
        _claimSettle = claimSettle ?? TimeSpan.Zero;
        _apiUrl = apiUrl;
        _clock = clock;
        _network = network;
        _sweepInterval = sweepInterval ?? TimeSpan.FromMinutes(5);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GitHub:AppId", AdapterUnderTest.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GitHub:PrivateKey", AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem());
        builder.UseSetting("GitHub:WebhookSecret", Secret);
        builder.UseSetting("GitHub:WebhookSecretFallback", OldSecret);
        builder.UseSetting("GitHub:ApiUrl", _apiUrl);
        // Ten seconds: behind Prism on a loaded 2-core machine an answer can take a few seconds, and a retry after a
        // spurious timeout would wait on a fake clock that may never move. Tests of timeouts set a shorter one.
        builder.UseSetting("GitHub:Resilience:AttemptTimeout", "00:00:10");
        builder.UseSetting("Governance:SweepInterval", _sweepInterval.ToString());
        builder.UseSetting("Governance:RetryDelay", "00:00:01");
        builder.UseSetting("Governance:ClaimSettle", _claimSettle.ToString());
        if (_replicaId is not null) builder.UseSetting("Governance:ReplicaId", _replicaId);
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_clock);
            if (_logs is not null) services.AddSingleton(_logs);
            if (_network is not null)
            {
                services.RemoveAll<GitHubConnections>();
                services.AddSingleton(sp => new GitHubConnections(
                    sp.GetRequiredService<IOptions<GitHubOptions>>().Value, _clock, sp.GetRequiredService<ILoggerFactory>(), _network,
                    sp.GetService<GovernanceBot.Metrics.GovernanceMetrics>()));
            }
        });
    }

    public ReconcileQueue Queue => Services.GetRequiredService<ReconcileQueue>();

    /// <summary>Posts a delivery signed with <paramref name="secret"/> (null: unsigned).</summary>
    public async Task<HttpResponseMessage> SendAsync(string @event, string body, string? secret = Secret, string? delivery = null, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/3a8e8f1");
        var sig = signature ?? (secret is null ? null : WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret));
        if (sig is not null) request.Headers.Add("X-Hub-Signature-256", sig);
        return await CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(string @event, JsonObject payload, string? delivery = null) =>
        SendAsync(@event, payload.ToJsonString(), Secret, delivery);

    /// <summary>Waits (in real time, bounded) until the queue is drained and <paramref name="condition"/> holds.</summary>
    public async Task SettleAsync(Func<bool>? condition = null, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (Queue.Count == 0 && (condition?.Invoke() ?? true)) return;
            await Task.Delay(25);
        }

        throw new TimeoutException($"the bot did not settle within {seconds}s (queue: {Queue.Count})");
    }
}
