using System.Text.RegularExpressions;
using GovernanceBot.Tests.Host;

namespace GovernanceBot.Benchmarks.Scale;

/// <summary>One request the fake GitHub answered, with the endpoint it hit and the virtual minute it was seen in.</summary>
internal sealed record Exchange(string Method, string Endpoint, int Status, DateTimeOffset Minute);

/// <summary>The fake GitHub's requests, each stamped with the virtual minute in which <see cref="Poll"/> first saw it.</summary>
internal sealed partial class RequestLog(GovernanceApp app)
{
    private readonly List<Exchange> _seen = [];

    public int Count => Poll();

    /// <summary>Takes in the requests answered since the last poll; returns how many there are in all.</summary>
    public int Poll()
    {
        var exchanges = app.GitHub.Exchanges();
        var now = app.Now;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        lock (_seen)
        {
            for (var i = _seen.Count; i < exchanges.Count; i++)
            {
                var (request, status) = exchanges[i];
                _seen.Add(new Exchange(request.Method, request.Method + " " + Template(request.Path), status, minute));
            }

            return _seen.Count;
        }
    }

    public IReadOnlyList<Exchange> Since(int index)
    {
        Poll();
        lock (_seen) return [.. _seen.Skip(index)];
    }

    /// <summary><c>/repos/octo-org/repo-0001/issues/1/comments</c> → <c>/repos/{owner}/{repo}/issues/{n}/comments</c>.</summary>
    private static string Template(string path) => Number().Replace(Repository().Replace(path, "/repos/{owner}/{repo}"), "/{n}");

    [GeneratedRegex(@"^/repos/[^/]+/[^/]+")]
    private static partial Regex Repository();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Number();
}
