using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace GovernanceBot.GitHub;

/// <summary>
/// Conditional GETs: remembers each response's ETag and body, sends <c>If-None-Match</c> the next time, and turns
/// GitHub's <c>304 Not Modified</c> (which costs no rate limit) back into the remembered <c>200</c> for Octokit.
/// Keyed by URL alone: GitHub's ETag identifies the representation, so another installation's different answer for
/// the same URL can never match it.
/// </summary>
internal sealed class ConditionalRequestHandler(int capacity = 20_000) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    private sealed record Entry(string ETag, byte[] Body, string? MediaType, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is null) return await base.SendAsync(request, cancellationToken);

        var key = request.RequestUri.AbsoluteUri;
        if (_cache.TryGetValue(key, out var cached))
        {
            request.Headers.IfNoneMatch.Clear();
            request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            return Replay(cached, response);
        }

        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (_cache.Count >= capacity) _cache.Clear(); // crude but bounded: the next sweep refills what is live
            _cache[key] = new Entry(etag.ToString(), body, response.Content.Headers.ContentType?.ToString(), [.. response.Headers.Where(h => h.Key is "Link" or "ETag")]);
            var fresh = new ByteArrayContent(body);
            if (response.Content.Headers.ContentType is { } type) fresh.Headers.ContentType = type;
            response.Content = fresh;
        }

        return response;
    }

    private static HttpResponseMessage Replay(Entry cached, HttpResponseMessage notModified)
    {
        var replay = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = notModified.RequestMessage,
            Content = new ByteArrayContent(cached.Body),
        };
        if (cached.MediaType is not null) replay.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(cached.MediaType);
        foreach (var (name, values) in cached.Headers) replay.Headers.TryAddWithoutValidation(name, values);

        // The rate-limit headers of the 304 are the current ones.
        foreach (var (name, values) in notModified.Headers.Where(h => h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase)))
        {
            replay.Headers.TryAddWithoutValidation(name, values);
        }

        notModified.Dispose();
        return replay;
    }
}
