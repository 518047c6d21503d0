using System.Net;

namespace GovernanceBot.GitHub;

/// <summary>
/// On a 401 to a request sent with an installation token, tells the token cache to forget that token: GitHub revoked it
/// (the App was reinstalled, its key or permissions changed), and keeping it would fail every call until it expired.
/// The failed call is not repeated here; the reconcile is retried and its next call gets a new token.
/// </summary>
/// <param name="tokens">the cache, read when a 401 comes (it is built after the handler chain).</param>
internal sealed class RejectedTokenHandler(Func<InstallationTokenCache> tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && request.Headers.Authorization?.Parameter is { } token)
        {
            tokens().ForgetRejected(token);
        }

        return response;
    }
}
