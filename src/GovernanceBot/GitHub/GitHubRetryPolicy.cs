using System.Globalization;
using System.Net;

namespace GovernanceBot.GitHub;

/// <summary>
/// Which failures are worth another attempt and how long to wait first, following GitHub's guidance on rate limits
/// (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately).
/// </summary>
internal static class GitHubRetryPolicy
{
    /// <summary>Added to <c>x-ratelimit-reset</c>: it has a one-second resolution and clocks drift.</summary>
    private static readonly TimeSpan ResetSkew = TimeSpan.FromSeconds(1);

    /// <summary>Without a hint, GitHub asks integrators to wait at least a minute after a secondary rate limit.</summary>
    private static readonly TimeSpan SecondaryRateLimitDefault = TimeSpan.FromSeconds(60);

    /// <summary>Whether a request may be sent twice without changing the outcome: reads, PATCH, DELETE, and the label and token POSTs.</summary>
    public static bool IsIdempotent(HttpMethod method, Uri? uri)
    {
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Patch || method == HttpMethod.Put || method == HttpMethod.Delete)
        {
            return true;
        }

        if (method != HttpMethod.Post || uri is null)
        {
            return false;
        }

        // Adding a label twice, creating a label that exists (422, tolerated) and asking for a second token change nothing.
        var path = uri.AbsolutePath.TrimEnd('/');
        // The bot's GraphQL requests are queries only (it sends no mutation): reads.
        return path.EndsWith("/labels", StringComparison.Ordinal) || path.EndsWith("/access_tokens", StringComparison.Ordinal)
            || path.EndsWith("/graphql", StringComparison.Ordinal);
    }

    /// <summary>The kind of failure a response is, if it is one worth retrying.</summary>
    public static RetryReason? Classify(HttpStatusCode status, Func<string, string?> header, string? body)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return RetryReason.ServerError;
        }

        if (code == 429)
        {
            return RetryReason.RateLimited;
        }

        if (code == 403)
        {
            if (header("x-ratelimit-remaining") == "0")
            {
                return RetryReason.RateLimited;
            }

            if (header("retry-after") is not null || (body?.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return RetryReason.SecondaryRateLimited;
            }
        }

        // Other 4xx (permissions, validation, not found) will fail the same way again.
        return null;
    }

    /// <summary>
    /// How long to wait before attempt <paramref name="attempt"/>+1: what GitHub asked for (<c>Retry-After</c>, or the
    /// rate-limit reset time), else exponential backoff. Null when GitHub asks for more than <paramref name="maxDelay"/>:
    /// retrying earlier would only be refused again, so the caller fails and the next sweep tries later.
    /// </summary>
    public static TimeSpan? Delay(RetryReason reason, Func<string, string?> header, DateTimeOffset now, int attempt, GitHubResilienceOptions options)
    {
        TimeSpan? asked = null;
        if (header("retry-after") is { } retryAfter)
        {
            if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                asked = TimeSpan.FromSeconds(seconds);
            }
            else if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                asked = Max(at - now, TimeSpan.Zero);
            }
        }
        else if (header("x-ratelimit-remaining") == "0"
                 && long.TryParse(header("x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var resetEpoch))
        {
            asked = Max(DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - now, TimeSpan.Zero) + ResetSkew;
        }
        else if (reason == RetryReason.SecondaryRateLimited)
        {
            asked = SecondaryRateLimitDefault;
        }

        if (asked is { } wait)
        {
            return wait <= options.MaxDelay ? wait : null;
        }

        return Backoff(attempt, options);
    }

    /// <summary>BaseDelay, 2×, 4×, ... capped at MaxDelay: the bot's one exponential backoff, with GitHub's settings.</summary>
    public static TimeSpan Backoff(int attempt, GitHubResilienceOptions options) =>
        Processing.Backoff.Exponential(options.BaseDelay, attempt, options.MaxDelay);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

internal enum RetryReason
{
    ServerError,
    RateLimited,
    SecondaryRateLimited,
    Timeout,
    NetworkError,
}
