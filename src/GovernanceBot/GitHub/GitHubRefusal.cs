using Octokit;

namespace GovernanceBot.GitHub;

/// <summary>
/// A write GitHub refused for good: a 4xx that asking again will not change (422 body too long, 404 issue gone,
/// 410 repository gone...). Rate limits (403, 429) and bad credentials (401, a token about to be renewed) are not:
/// those pass, and the whole reconcile is tried again later.
/// </summary>
public static class GitHubRefusal
{
    /// <summary>The status code when <paramref name="exception"/> is a refusal for good; otherwise null.</summary>
    public static int? StatusOf(Exception exception) =>
        exception is ApiException { StatusCode: var status } && (int)status is >= 400 and < 500 and not (401 or 403 or 429)
            ? (int)status
            : null;

    /// <summary>
    /// True when GitHub answered 403 because the installation lacks a permission ("Resource not accessible by
    /// integration"), not because of a rate limit: an installation made before the App asked for Checks and Pull
    /// requests has neither until an owner accepts them, and asking again changes nothing.
    /// </summary>
    public static bool IsMissingPermission(Exception exception) =>
        exception is ForbiddenException forbidden
        && forbidden is not RateLimitExceededException and not SecondaryRateLimitExceededException
        && !(forbidden.HttpResponse?.Body is string body && body.Contains("rate limit", StringComparison.OrdinalIgnoreCase));
}
