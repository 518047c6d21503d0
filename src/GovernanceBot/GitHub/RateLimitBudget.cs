using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovernanceBot.GitHub;

/// <summary>
/// What is left of GitHub's rate limits, per credential (each installation has its own token), read from every
/// answer's <c>X-RateLimit-*</c> headers; and the pace of content-creating requests, which GitHub's secondary limits
/// cap at about 80 a minute. The sweep backs off when the budget runs low, so webhook-driven work keeps priority.
/// </summary>
public sealed class RateLimitBudget(TimeProvider time)
{
    /// <summary>Content-creating requests allowed in any 60-second window.</summary>
    public const int WritesPerMinute = 80;

    /// <summary>Below this share of the limit (1 in 10) the budget counts as low.</summary>
    public const int LowShareDenominator = 10;

    private readonly ConcurrentDictionary<string, (int Remaining, int Limit, DateTimeOffset Reset)> _credentials = new();
    private readonly Queue<DateTimeOffset> _writes = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>True while any credential has less than a tenth of its limit left before its reset.</summary>
    public bool IsLow
    {
        get
        {
            var now = time.GetUtcNow();
            return _credentials.Values.Any(c => c.Reset > now && (long)c.Remaining * LowShareDenominator < c.Limit);
        }
    }

    /// <summary>The lowest remaining count seen per credential, for logs and tests.</summary>
    public IReadOnlyCollection<int> Remaining => [.. _credentials.Values.Select(c => c.Remaining)];

    internal void Observe(HttpRequestMessage request, HttpResponseMessage response)
    {
        // GraphQL has a budget of its own (X-RateLimit-Resource: graphql); this one is the REST budget.
        if (response.Headers.TryGetValues("X-RateLimit-Resource", out var resource) && resource.Contains("graphql", StringComparer.OrdinalIgnoreCase)) return;
        if (!TryInt(response, "X-RateLimit-Remaining", out var remaining) || !TryInt(response, "X-RateLimit-Limit", out var limit)) return;
        var reset = TryInt(response, "X-RateLimit-Reset", out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch) : time.GetUtcNow().AddHours(1);
        _credentials[CredentialKey(request)] = (remaining, limit, reset);
    }

    /// <summary>Waits, on the injected clock, until one more content-creating request fits in the last minute.</summary>
    /// <remarks>
    /// Hand-written rather than a <c>System.Threading.RateLimiting.SlidingWindowRateLimiter</c>: .NET's rate limiters
    /// take no <see cref="TimeProvider"/> and replenish on a real timer (dotnet/runtime#106447 proposes the option and is
    /// still open), so a test could only sit out a real minute instead of moving a fake clock.
    /// </remarks>
    internal async Task PaceWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            while (_writes.Count > 0 && _writes.Peek() <= now - TimeSpan.FromMinutes(1)) _writes.Dequeue();
            if (_writes.Count >= WritesPerMinute)
            {
                var wait = _writes.Peek() + TimeSpan.FromMinutes(1) - now;
                await Task.Delay(wait, time, cancellationToken);
                _writes.Dequeue();
            }

            _writes.Enqueue(time.GetUtcNow());
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Whether the request counts against the write pace: anything but a read, a request for a token or a GraphQL
    /// query (the bot sends no mutation, so nothing it POSTs to /graphql creates content).
    /// </summary>
    internal static bool IsPaced(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get
        && request.Method != HttpMethod.Head
        && request.RequestUri?.AbsolutePath is { } path
        && !path.EndsWith("/access_tokens", StringComparison.Ordinal)
        && !path.EndsWith("/graphql", StringComparison.Ordinal);

    private static bool TryInt(HttpResponseMessage response, string header, out int value)
    {
        value = 0;
        return response.Headers.TryGetValues(header, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    // The credential itself is never kept, only a short hash to tell installations apart.
    private static string CredentialKey(HttpRequestMessage request) =>
        request.Headers.Authorization?.Parameter is { } token
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16]
            : "anonymous";
}

/// <summary>
/// Each attempt of a content-creating request waits here for its turn in the write pace, above the attempt timeout
/// (see <see cref="GitHubResilienceHandler"/>).
/// </summary>
internal sealed class WritePaceHandler(RateLimitBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RateLimitBudget.IsPaced(request))
        {
            await budget.PaceWriteAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Feeds <see cref="RateLimitBudget"/> with the rate-limit headers of every answer (the pacing happens a step earlier, in <see cref="WritePaceHandler"/>).</summary>
internal sealed class RateLimitHandler(RateLimitBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        budget.Observe(request, response);
        return response;
    }
}
