using System.Globalization;

namespace GovernanceBot.Metrics;

/// <summary>
/// Counts each request that reaches GitHub by endpoint group and status, and keeps the rate limit left per
/// installation from the answers' <c>X-RateLimit-Remaining</c> (the REST budget; GraphQL has its own).
/// </summary>
internal sealed class GitHubMetricsHandler(GovernanceMetrics metrics, Uri apiRoot, Func<string, long?> installationOf) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = EndpointGroup(request.RequestUri, apiRoot);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception)
        {
            metrics.GitHubRequest(endpoint, "error");
            throw;
        }

        metrics.GitHubRequest(endpoint, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && !(response.Headers.TryGetValues("X-RateLimit-Resource", out var resource) && resource.Contains("graphql", StringComparer.OrdinalIgnoreCase)))
        {
            metrics.RateLimitRemaining(Credential(request), remaining);
        }

        return response;
    }

    private string Credential(HttpRequestMessage request) => request.Headers.Authorization?.Parameter is { } token
        ? installationOf(token)?.ToString(CultureInfo.InvariantCulture) ?? "app"
        : "anonymous";

    /// <summary>
    /// The words of the path with owners, names, numbers, label names and file paths left out, so the series stay few:
    /// <c>/repos/o/r/issues/5/comments</c> → <c>repos.issues.comments</c>, <c>/search/issues</c> → <c>search.issues</c>.
    /// </summary>
    public static string EndpointGroup(Uri? uri, Uri apiRoot)
    {
        if (uri is null) return "unknown";
        var path = uri.AbsolutePath;
        if (path.StartsWith(apiRoot.AbsolutePath, StringComparison.Ordinal)) path = path[apiRoot.AbsolutePath.Length..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        for (var i = 0; i < segments.Length && words.Count < 4; i++)
        {
            var s = segments[i];
            if (!s.All(c => c is (>= 'a' and <= 'z') or '_' or '-')) continue;
            words.Add(s);
            if (s == "contents") break; // the rest is a file path
            if (s == "repos" && words.Count == 1) i += 2; // owner and name
            else if (s is "labels" or "users" or "orgs" or "teams" or "commits") i += 1; // a name or a sha
        }

        return words.Count == 0 ? "root" : string.Join('.', words);
    }
}
