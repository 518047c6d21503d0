using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GovernanceBot.GitHub;

/// <summary>
/// Installation tokens (valid one hour), reused until <see cref="RefreshMargin"/> before they expire, so that a call
/// never starts with a token about to lapse mid-request and the App asks for at most one token per installation per ~55 minutes.
/// </summary>
/// <param name="issue">asks GitHub for a new token (<c>POST /app/installations/{id}/access_tokens</c>).</param>
internal sealed class InstallationTokenCache(Func<long, CancellationToken, Task<InstallationToken>> issue, TimeProvider time, ILogger logger)
    : IInstallationTokens
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<long, InstallationToken> _tokens = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    public async Task<string> GetTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        if (TryGetFresh(installationId) is { } token)
        {
            return token;
        }

        // One request per installation at a time: concurrent callers wait for the token the first one fetches.
        var gate = _gates.GetOrAdd(installationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(installationId) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var issued = await issue(installationId, cancellationToken);
            _tokens[installationId] = issued;
            GitHubLog.InstallationTokenIssued(logger, installationId, issued.ExpiresAt);
            return issued.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Forgets a token GitHub answered 401 to (revoked, or the App's key or permissions changed), whichever installation
    /// holds it, so the next call asks for a new one instead of failing until the token would have expired.
    /// </summary>
    public void ForgetRejected(string token)
    {
        foreach (var (installationId, held) in _tokens)
        {
            if (string.Equals(held.Token, token, StringComparison.Ordinal) && _tokens.TryRemove(new KeyValuePair<long, InstallationToken>(installationId, held)))
            {
                GitHubLog.InstallationTokenRejected(logger, installationId);
            }
        }
    }

    public void Forget(long installationId)
    {
        if (_tokens.TryRemove(installationId, out _))
        {
            GitHubLog.InstallationTokenDropped(logger, installationId);
        }
    }

    /// <summary>Whether a token for the installation is held now, for diagnostics and tests.</summary>
    public bool Holds(long installationId) => _tokens.ContainsKey(installationId);

    /// <summary>The installation a held token belongs to (for metrics per installation); null for any other credential.</summary>
    public long? InstallationOf(string token) =>
        _tokens.FirstOrDefault(p => string.Equals(p.Value.Token, token, StringComparison.Ordinal)) is { Value: not null } held ? held.Key : null;

    private string? TryGetFresh(long installationId) =>
        _tokens.TryGetValue(installationId, out var cached) && time.GetUtcNow() < cached.ExpiresAt - RefreshMargin
            ? cached.Token
            : null;
}
