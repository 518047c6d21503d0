using System.Security.Cryptography;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Tests.GitHub;

/// <summary>The real adapter (Octokit, tokens, retries) pointed at a fake GitHub, built as <see cref="GitHubServiceCollectionExtensions.AddGitHubApp"/> builds it.</summary>
internal sealed class AdapterUnderTest : IDisposable
{
    /// <summary>One key for the whole test run: generating RSA keys is slow.</summary>
    public static readonly RSA AppKey = RSA.Create(2048);

    public const long AppId = 4242;

    private readonly GitHubConnections connections;

    /// <param name="apiUrl">the fake's URL, or Prism's in front of it.</param>
    /// <param name="network">the handler that does the I/O, e.g. <see cref="Fakes.PrismProxy.CreateCheckingHandler"/>.</param>
    public AdapterUnderTest(string apiUrl, TimeProvider clock, HttpMessageHandler? network = null, Action<GitHubResilienceOptions>? resilience = null)
    {
        Options = new GitHubOptions
        {
            AppId = AppId,
            PrivateKey = AppKey.ExportRSAPrivateKeyPem(),
            WebhookSecret = "It's a Secret to Everybody",
            ApiUrl = apiUrl,
            Resilience = new GitHubResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(10) },
        };
        resilience?.Invoke(Options.Resilience);
        connections = new GitHubConnections(Options, clock, NullLoggerFactory.Instance, network ?? new SocketsHttpHandler());
        GitHub = new OctokitGitHub(connections, Microsoft.Extensions.Options.Options.Create(Options), clock, NullLogger<OctokitGitHub>.Instance);
        Installations = new GitHubInstallations(connections);
    }

    public GitHubOptions Options { get; }

    public IGitHub GitHub { get; }

    public IGitHubInstallations Installations { get; }

    /// <summary>What is left of the rate limits, as the adapter read it from GitHub's answers.</summary>
    public RateLimitBudget Budget => connections.Budget;

    public void Dispose() => connections.Dispose();
}
