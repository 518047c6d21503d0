using Octokit;
using Octokit.Internal;

namespace GovernanceBot.GitHub;

/// <summary>
/// Clears Octokit's own per-request timeout before a request is sent. Octokit turns that timeout (100 s by default) into
/// a <see cref="CancellationTokenSource"/> with a timer and a linked source that are never disposed, so each request's
/// pair lived on in the timer queue for 100 s: at a few hundred requests a second that was 50,000 of them and tens of
/// megabytes (README, "Performance"). The attempt timeout of <see cref="GitHubResilienceHandler"/> bounds every request
/// instead, and disposes what it creates.
/// </summary>
internal sealed class UntimedRequests(IHttpClient inner) : IHttpClient
{
    public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        if (request is Request timed) timed.Timeout = TimeSpan.Zero;
        return inner.Send(request, cancellationToken, preprocessResponseBody);
    }

    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    public void Dispose() => inner.Dispose();
}
