namespace GovernanceBot.GitHub;

/// <summary>
/// GitHub's search has a limit of its own: 30 requests a minute. Every search request (each page counts) waits here,
/// on the injected clock, until one more fits in the last minute, so discovery over many installations never meets a
/// secondary-limit refusal.
/// </summary>
/// <remarks>One window for the whole App rather than one per installation token: the stricter reading of the limit costs only time on the slow discovery schedule.</remarks>
public sealed class SearchPace(TimeProvider time)
{
    /// <summary>Search requests allowed in any 60-second window.</summary>
    public const int RequestsPerMinute = 30;

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits until one more search request fits in the last minute, then counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && _sent.Peek() <= now - TimeSpan.FromMinutes(1)) _sent.Dequeue();
            if (_sent.Count >= RequestsPerMinute)
            {
                await Task.Delay(_sent.Peek() + TimeSpan.FromMinutes(1) - now, time, cancellationToken);
                _sent.Dequeue();
            }

            _sent.Enqueue(time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static bool IsSearch(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath is { } path && path.Contains("/search/", StringComparison.Ordinal);
}

/// <summary>Holds every search request to <see cref="SearchPace"/>, above the retries and their attempt timeout (a wait for the pace is not a slow GitHub).</summary>
internal sealed class SearchPaceHandler(SearchPace pace) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SearchPace.IsSearch(request)) await pace.WaitAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
