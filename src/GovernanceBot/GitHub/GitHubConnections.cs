using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;
using GovernanceBot.Metrics;

namespace GovernanceBot.GitHub;

/// <summary>
/// Octokit clients for the App and for each installation, all sending through one handler chain
/// (Octokit → its <see cref="CachingHttpClient"/> → <see cref="UntimedRequests"/> → <see cref="GitHubResilienceHandler"/> → one pooled <see cref="SocketsHttpHandler"/>) to the configured API root.
/// </summary>
internal sealed class GitHubConnections : IDisposable
{
    private static readonly ProductHeaderValue Product = new("GovernanceBot");

    private readonly Uri _baseAddress;
    private readonly IHttpClient _http;
    private readonly GitHubAppJwt? _jwt;
    private readonly GitHubClient? _plainClient;
    private readonly ConcurrentDictionary<long, GitHubClient> _installationClients = new();

    public GitHubConnections(IOptions<GitHubOptions> options, TimeProvider time, ILoggerFactory loggerFactory, GovernanceMetrics? metrics = null)
        : this(options.Value, time, loggerFactory, CreatePrimaryHandler(), metrics)
    {
    }

    /// <param name="primary">the handler that talks to the network; tests put a checking one here.</param>
    internal GitHubConnections(GitHubOptions options, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler primary, GovernanceMetrics? metrics = null)
        : this(options, time, loggerFactory, primary, plainToken: null, metrics)
    {
    }

    /// <param name="plainToken">
    /// null: the App (JWT, then installation tokens). Otherwise every client, <see cref="App"/> included, sends this one
    /// credential store's token, or none when it is anonymous: the <c>audit</c> command's read-only access.
    /// </param>
    private GitHubConnections(GitHubOptions options, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler primary, ICredentialStore? plainToken, GovernanceMetrics? metrics = null)
    {
        Budget = new RateLimitBudget(time);
        SearchPace = new SearchPace(time);
        _baseAddress = options.ApiBaseUri;
        _jwt = plainToken is null ? new GitHubAppJwt(options.AppId, options.ReadPrivateKeyPem(), time) : null;
#pragma warning disable CA2000 // the handler chain is owned by the adapter and disposed with it in Dispose()
        // Octokit → conditional GETs (Octokit's CachingHttpClient: 304s cost nothing) → the search pace (waited before any
        // attempt timeout starts) → retries, and per attempt the write pace, then the attempt timeout → a rejected token is
        // forgotten → rate-limit bookkeeping → network.
        _http = new CachingHttpClient(
            new UntimedRequests(new HttpClientAdapter(() => new SearchPaceHandler(SearchPace)
            {
                InnerHandler = GitHubResilienceHandler.Create(
                    options.Resilience, time, Budget, loggerFactory.CreateLogger<GitHubResilienceHandler>(),
                    new RejectedTokenHandler(() => Tokens ?? throw new InvalidOperationException("no token cache yet")) { InnerHandler = new RateLimitHandler(Budget) { InnerHandler = Measured(primary, metrics) } }),
            })),
            new GitHubResponseCache());
#pragma warning restore CA2000
        App = CreateClient(_jwt is null ? plainToken! : new AppCredentials(_jwt));
        _plainClient = plainToken is null ? null : App;
        Tokens = new InstallationTokenCache(IssueTokenAsync, time, loggerFactory.CreateLogger<InstallationTokenCache>());
    }

    /// <summary>
    /// Connections that read as a person (or anyone) rather than as the App: every request carries <paramref name="token"/>
    /// (a personal access token; none when null, as for a public repository on github.com), whatever installation it names.
    /// </summary>
    /// <param name="primary">the handler that talks to the network; null: a pooled one.</param>
    internal static GitHubConnections ForPlainToken(GitHubOptions options, string? token, TimeProvider time, ILoggerFactory loggerFactory, HttpMessageHandler? primary = null) =>
        new(options, time, loggerFactory, primary ?? CreatePrimaryHandler(), new InMemoryCredentialStore(token is null ? Credentials.Anonymous : new Credentials(token, AuthenticationType.Bearer)));

    /// <summary>Authenticated as the App itself (JWT): only for the <c>/app</c> endpoints. With a plain token, that token.</summary>
    public GitHubClient App { get; }

    public InstallationTokenCache Tokens { get; }

    /// <summary>What is left of the rate limits, fed by every answer.</summary>
    public RateLimitBudget Budget { get; }

    /// <summary>GitHub's own limit on search requests (30 a minute), held by every search request.</summary>
    public SearchPace SearchPace { get; }

    /// <summary>Authenticated as the installation (its cached access token).</summary>
    public GitHubClient ForInstallation(long installationId) => _plainClient ??
        _installationClients.GetOrAdd(installationId, id => CreateClient(new InstallationCredentials(id, Tokens)));

    public void Dispose()
    {
        _http.Dispose();
        _jwt?.Dispose();
    }

    // Every attempt that reaches the network is counted by endpoint group and status (next to the rate-limit bookkeeping).
    private HttpMessageHandler Measured(HttpMessageHandler primary, GovernanceMetrics? metrics) =>
        metrics is null ? primary : new GitHubMetricsHandler(metrics, _baseAddress, token => Tokens?.InstallationOf(token)) { InnerHandler = primary };

    // Pooled connections are recycled so a long-running bot follows DNS changes; no IHttpClientFactory rotation needed.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    };

    private GitHubClient CreateClient(ICredentialStore credentials) =>
        new(new Connection(Product, _baseAddress, credentials, _http, new SimpleJsonSerializer()));

    private async Task<InstallationToken> IssueTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        var token = await GitHubCallContext.RunAsync(cancellationToken, () => App.GitHubApps.CreateInstallationToken(installationId));
        return new InstallationToken(token.Token, token.ExpiresAt);
    }

    private sealed class AppCredentials(GitHubAppJwt jwt) : ICredentialStore
    {
        // A fresh JWT per request: signing is cheap and a token can then never be used past its nine minutes.
        public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(jwt.Create(), AuthenticationType.Bearer));
    }

    private sealed class InstallationCredentials(long installationId, InstallationTokenCache tokens) : ICredentialStore
    {
        public async Task<Credentials> GetCredentials() =>
            new(await tokens.GetTokenAsync(installationId, GitHubCallContext.Cancellation), AuthenticationType.Bearer);
    }
}
