using System.Collections.Concurrent;

namespace GovernanceBot.GitHub;

/// <summary>
/// The answers every GET is made conditional with (<see cref="GitHubRest"/>): the stored answer's ETag is sent as
/// <c>If-None-Match</c>, and when GitHub says <c>304 Not Modified</c> (which costs no rate limit) the stored body is read
/// again. Keyed by URL alone, query and page included: GitHub's ETag identifies the representation, so another
/// installation's different answer for the same URL can never match it. Only a 200 with an ETag is kept.
/// </summary>
internal sealed class GitHubResponseCache(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);

    public Answer? Get(string url) => _answers.GetValueOrDefault(url);

    public void Set(string url, Answer answer)
    {
        if (_answers.Count >= capacity) _answers.Clear(); // crude but bounded: the next sweep refills what is live
        _answers[url] = answer;
    }

    /// <summary>A stored 200: its ETag, its body as GitHub sent it, and the next page its <c>Link</c> header named.</summary>
    internal sealed record Answer(string ETag, byte[] Body, Uri? Next);
}
