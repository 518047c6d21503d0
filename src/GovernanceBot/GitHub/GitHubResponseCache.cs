using System.Collections.Concurrent;
using System.Net;
using Octokit.Internal;
using Octokit.Caching;

namespace GovernanceBot.GitHub;

/// <summary>
/// The store behind Octokit's <see cref="CachingHttpClient"/>, which makes every GET conditional: it sends the stored
/// answer's ETag as <c>If-None-Match</c> and hands the stored answer back when GitHub says <c>304 Not Modified</c>
/// (which costs no rate limit). Keyed by URL alone: GitHub's ETag identifies the representation, so another
/// installation's different answer for the same URL can never match it.
/// </summary>
/// <remarks>
/// What <see cref="CachingHttpClient"/> hands back on a 304 is the stored answer whole, with the rate-limit headers of
/// the first 200. Nothing reads those (Octokit's <c>GetLastApiInfo</c> is not used): <see cref="RateLimitHandler"/>
/// sits below Octokit and feeds <see cref="RateLimitBudget"/> from the 304 itself. <see cref="CachingHttpClient"/>
/// offers every GET answer, errors too; only a 200 with an ETag and a text body is kept. The GraphQL queries are
/// POSTs, which <see cref="CachingHttpClient"/> passes through. It drops Octokit's body preprocessing on the requests it
/// makes conditional, which only raw-content downloads use; the bot makes none.
/// </remarks>
internal sealed class GitHubResponseCache(int capacity = 20_000) : IResponseCache
{
    private readonly ConcurrentDictionary<string, CachedResponse.V1> _answers = new(StringComparer.Ordinal);

    public Task<CachedResponse.V1> GetAsync(IRequest request) =>
        Task.FromResult(Key(request) is { } key && _answers.TryGetValue(key, out var answer) ? answer : null!);

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        if (Key(request) is { } key && cachedResponse.StatusCode == HttpStatusCode.OK
            && !string.IsNullOrEmpty(cachedResponse.ApiInfo?.Etag) && cachedResponse.Body is string)
        {
            if (_answers.Count >= capacity) _answers.Clear(); // crude but bounded: the next sweep refills what is live
            _answers[key] = cachedResponse;
        }

        return Task.CompletedTask;
    }

    // Octokit puts a GET's query into its endpoint; a request that still carries parameters is left uncached.
    private static string? Key(IRequest request) =>
        request.Parameters is { Count: > 0 } ? null : new Uri(request.BaseAddress, request.Endpoint).AbsoluteUri;
}
