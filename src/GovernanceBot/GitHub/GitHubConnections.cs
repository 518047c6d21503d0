using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using GovernanceBot.Metrics;

namespace GovernanceBot.GitHub;

/// <summary>
/// The App's credentials and the one handler chain every request goes through
/// (<see cref="GitHubRest"/> → <see cref="SearchPaceHandler"/> → <see cref="GitHubResilienceHandler"/> → <see cref="RejectedTokenHandler"/> → <see cref="RateLimitHandler"/> → metrics → one pooled <see cref="SocketsHttpHandler"/>) to the configured API root.
/// </summary>
internal sealed class GitHubConnections : IDisposable
{
    private readonly HttpMessageInvoker _http;
    private readonly GitHubAppJwt? _jwt;
    private readonly GitHubCredential? _plain;
    private readonly ConcurrentDictionary<long, GitHubCredential> _installations = new();

    public GitHubConnections(IOptions<GitHubOptions> options, TimeProvider time, ILoggerFactory loggerFactory, GovernanceMetrics? metrics = null)
        : this(options.Value, time, loggerFactory, CreatePrimaryHandler(), metrics)
    {
    }

    /// <param name="primary">the handler that talks to the network; tests put a checking one here.</param>
    internal GitHubConnections(GitHubOptions options, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler primary, GovernanceMetrics? metrics = null)
        : this(options, time, loggerFactory, primary, plain: null, metrics)
    {
    }

    /// <param name="plain">
    /// null: the App (JWT, then installation tokens). Otherwise every request, the App's included, is sent as this one
    /// credential (a person's token, or none): the <c>audit</c> command's read-only access.
    /// </param>
    private GitHubConnections(GitHubOptions options, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler primary, GitHubCredential? plain, GovernanceMetrics? metrics = null)
    {
        Budget = new RateLimitBudget(time);
        SearchPace = new SearchPace(time);
        _jwt = plain is null ? new GitHubAppJwt(options.AppId, options.ReadPrivateKeyPem(), time) : null;
        _plain = plain;
#pragma warning disable CA2000 // the handler chain is owned by the invoker and disposed with it in Dispose()
        // The search pace (waited before any attempt timeout starts) → retries, and per attempt the write pace, then the
        // attempt timeout → a rejected token is forgotten → rate-limit bookkeeping → metrics → network.
        _http = new HttpMessageInvoker(new SearchPaceHandler(SearchPace)
        {
            InnerHandler = GitHubResilienceHandler.Create(
                options.Resilience, time, Budget, loggerFactory.CreateLogger<GitHubResilienceHandler>(),
                new RejectedTokenHandler(() => Tokens ?? throw new InvalidOperationException("no token cache yet")) { InnerHandler = new RateLimitHandler(Budget) { InnerHandler = Measured(primary, options.ApiBaseUri, metrics) } }),
        });
#pragma warning restore CA2000
        Rest = new GitHubRest(_http, options.ApiBaseUri, new GitHubResponseCache());
        var jwt = _jwt;
        App = plain ?? new GitHubCredential(_ => ValueTask.FromResult<string?>(jwt!.Create()));
        Tokens = new InstallationTokenCache(IssueTokenAsync, time, loggerFactory.CreateLogger<InstallationTokenCache>());
    }

    /// <summary>
    /// Connections that read as a person (or anyone) rather than as the App: every request carries <paramref name="token"/>
    /// (a personal access token; none when null, as for a public repository on github.com), whatever installation it names.
    /// </summary>
    /// <param name="primary">the handler that talks to the network; null: a pooled one.</param>
    internal static GitHubConnections ForPlainToken(GitHubOptions options, string? token, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler? primary = null) =>
        new(options, time, loggerFactory, primary ?? CreatePrimaryHandler(), token is null ? GitHubCredential.Anonymous : new GitHubCredential(_ => ValueTask.FromResult<string?>(token)));

    /// <summary>GitHub's REST API over the handler chain.</summary>
    public GitHubRest Rest { get; }

    /// <summary>The App itself (a fresh JWT per request: signing is cheap and a token can then never be used past its nine minutes), only for the <c>/app</c> endpoints. With a plain token, that token.</summary>
    public GitHubCredential App { get; }

    public InstallationTokenCache Tokens { get; }

    /// <summary>What is left of the rate limits, fed by every answer.</summary>
    public RateLimitBudget Budget { get; }

    /// <summary>GitHub's own limit on search requests (30 a minute), held by every search request.</summary>
    public SearchPace SearchPace { get; }

    /// <summary>The installation (its cached access token).</summary>
    public GitHubCredential ForInstallation(long installationId) => _plain ??
        _installations.GetOrAdd(installationId, id => new GitHubCredential(async ct => await Tokens.GetTokenAsync(id, ct)));

    public void Dispose()
    {
        _http.Dispose();
        _jwt?.Dispose();
    }

    // Every attempt that reaches the network is counted by endpoint group and status (next to the rate-limit bookkeeping).
    private HttpMessageHandler Measured(HttpMessageHandler primary, Uri apiRoot, GovernanceMetrics? metrics) =>
        metrics is null ? primary : new GitHubMetricsHandler(metrics, apiRoot, token => Tokens?.InstallationOf(token)) { InnerHandler = primary };

    // Pooled connections are recycled so a long-running bot follows DNS changes; no IHttpClientFactory rotation needed.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    };

    private async Task<InstallationToken> IssueTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        var token = await Rest.SendAsync(App, HttpMethod.Post, $"app/installations/{installationId}/access_tokens", body: null, GitHubJson.Default.GitHubAccessToken, cancellationToken);
        return new InstallationToken(token.Token, token.ExpiresAt);
    }
}
