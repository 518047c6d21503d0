using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace GovernanceBot.Tests.Fakes;

/// <summary>The wire: every request recorded, disturbed when asked, routed to the resource handlers, answered with GitHub's headers, ETags and pages.</summary>
public sealed partial class FakeGitHub
{
    // ---- the wire ------------------------------------------------------------------------------------------

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        // The raw path keeps %2F inside a segment (a label named governance/voting) apart from the separators.
        var rawPath = new Uri(request.Url).AbsolutePath;
        var segments = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        Interference? interference;
        Answer answer;
        FakeRequest recorded;
        int servedGeneration;
        lock (gate)
        {
            servedGeneration = generation;
            if (Header(request, GenerationHeader) is { } stamped && stamped != generation.ToString(CultureInfo.InvariantCulture))
            {
                // Sent by the bot of an earlier test (a request it gave up on can still arrive through the proxy after the
                // reset): it must neither change this test's GitHub nor count among its requests.
                staleRequests++;
                return new ResponseMessage { StatusCode = 503 };
            }

            recorded = new FakeRequest(
                request.Method,
                "/" + string.Join('/', segments),
                request.RawQuery ?? "",
                request.Body,
                Header(request, "Authorization"),
                Header(request, "Content-Type"));
            requests.Add(recorded);
            interference = interferences.FirstOrDefault(i => i.Times > 0 && i.Method == request.Method && recorded.Path.EndsWith(i.PathSuffix, StringComparison.Ordinal)
                && (i.BodyContains is null || (recorded.Body?.Contains(i.BodyContains, StringComparison.Ordinal) ?? false)));
            if (interference is not null)
            {
                interference.Times--;
            }

            answer = interference is { Fault.AfterHandling: false, Fault.Status: not 0 }
                ? FaultAnswer(interference.Fault)
                : Route(request, segments);
        }

        if (interference is { Fault.Delay: var delay } && delay > TimeSpan.Zero)
        {
            // Real time: the adapter's attempt timeout is measured on the wall clock.
            await Task.Delay(delay);
        }

        if (interference is { Fault.AfterHandling: true, Fault.Status: not 0 })
        {
            answer = FaultAnswer(interference.Fault);
        }

        var message = new ResponseMessage
        {
            StatusCode = answer.Status,
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };
        message.AddHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
        message.AddHeader("X-RateLimit-Limit", "5000");
        message.AddHeader("X-RateLimit-Remaining", RateLimitRemaining.ToString(CultureInfo.InvariantCulture));
        message.AddHeader("X-RateLimit-Reset", (Now() + TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in answer.Headers.Concat(interference?.Fault.Headers ?? []))
        {
            message.Headers[name] = new WireMockList<string>(value);
        }

        var json = answer.Body?.ToJsonString();
        if (request.Method == "GET" && answer.Status == 200 && json is not null)
        {
            // Like GitHub: an ETag per representation, and 304 with no body (and no rate-limit cost) when it still matches.
            var etag = $"W/\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..32]}\"";
            message.AddHeader("ETag", etag);
            if (Header(request, "If-None-Match") == etag)
            {
                message.StatusCode = 304;
                json = null;
            }
        }

        lock (gate)
        {
            if (generation == servedGeneration) exchanges.Add((recorded, (int)message.StatusCode!));
        }

        if (json is not null)
        {
            message.AddHeader("Content-Type", "application/json; charset=utf-8");
            message.BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        }

        return message;
    }

    private Answer Route(IRequestMessage request, string[] s)
    {
        var isAppCall = s is ["app", ..];
        var auth = Header(request, "Authorization");
        if (isAppCall ? !IsJwt(auth) : state.InstallationOf(auth) is null)
        {
            return Answer.Of(401, Error("Bad credentials", "https://docs.github.com/rest"));
        }

        var installation = isAppCall ? 0 : state.InstallationOf(auth)!.Value;
        if (s is ["repos", var repoOwner, var repoName, ..] && !state.CanSee(installation, new RepoKey(repoOwner, repoName)))
        {
            return NotFound();
        }

        if (RepositoryFault(s) is { } refused)
        {
            return refused;
        }

        return (request.Method, s) switch
        {
            ("GET", ["app"]) => Answer.Of(200, AppJson()),
            ("GET", ["app", "installations"]) => Page(request, [.. state.Installations.Keys.Order().Select(InstallationJson)]),
            ("POST", ["app", "installations", var id, "access_tokens"]) => IssueToken(long.Parse(id, CultureInfo.InvariantCulture)),
            ("GET", ["installation", "repositories"]) => ListRepositories(request, installation),
            ("GET", ["repos", var o, var r, "contents", .. var path]) => GetContent(new RepoKey(o, r), string.Join('/', path)),
            ("GET", ["orgs", var org, "teams", var team, "members"]) => TeamMembers(request, org, team),
            ("GET", ["repos", var o, var r, "issues"]) => ListIssues(request, new RepoKey(o, r)),
            ("GET", ["search", "issues"]) => SearchIssues(request, installation),
            ("POST", ["repos", var o, var r, "issues"]) => CreateIssue(new RepoKey(o, r), request),
            ("PATCH", ["repos", var o, var r, "issues", var n]) when state.TryIssue(o, r, n, out var issue) => EditIssue(issue, request),
            ("GET", ["repos", var o, var r, "issues", var n]) when state.TryIssue(o, r, n, out var issue) => Answer.Of(200, IssueJson(issue)),
            ("GET", ["repos", var o, var r, "issues", var n, "events"]) when state.TryIssue(o, r, n, out var issue) =>
                Page(request, [.. issue.Events.Select(e => EventJson(issue, e))]),
            ("GET", ["repos", var o, var r, "issues", var n, "comments"]) when state.TryIssue(o, r, n, out var issue) =>
                Page(request, [.. issue.Comments.Select(c => CommentJson(c))]),
            ("POST", ["repos", var o, var r, "issues", var n, "comments"]) when state.TryIssue(o, r, n, out var issue) => PostComment(issue, request),
            ("PATCH", ["repos", _, _, "issues", "comments", var id]) => PatchComment(long.Parse(id, CultureInfo.InvariantCulture), request),
            ("DELETE", ["repos", _, _, "issues", "comments", var id]) => DeleteCommentAnswer(long.Parse(id, CultureInfo.InvariantCulture)),
            ("PUT", ["repos", var o, var r, "issues", var n, "lock"]) when state.TryIssue(o, r, n, out var issue) => LockIssue(issue),
            ("POST", ["repos", var o, var r, "issues", var n, "labels"]) when state.TryIssue(o, r, n, out var issue) => AddLabels(issue, request),
            ("DELETE", ["repos", var o, var r, "issues", var n, "labels", var name]) when state.TryIssue(o, r, n, out var issue) => DeleteLabel(issue, name),
            ("POST", ["repos", var o, var r, "labels"]) => CreateLabel(new RepoKey(o, r), request),
            ("POST", ["graphql"]) => GraphQl(request),
            ("GET", ["repos", var o, var r, "labels", var name]) => GetLabel(new RepoKey(o, r), name),
            ("GET", ["repos", var o, var r, "pulls", var n]) when state.TryIssue(o, r, n, out var issue) => PullRequestAnswer(issue),
            ("GET", ["repos", var o, var r, "pulls", var n, "commits"]) when state.TryIssue(o, r, n, out var issue) => PullRequestCommits(request, issue),
            ("GET", ["repos", var o, var r, "pulls", var n, "files"]) when state.TryIssue(o, r, n, out var issue) => PullRequestFiles(request, issue),
            ("GET", ["repos", var o, var r, "commits", var sha, "check-runs"]) => ListCheckRuns(request, new RepoKey(o, r), sha),
            ("POST", ["repos", var o, var r, "check-runs"]) => CreateCheckRun(new RepoKey(o, r), request),
            ("PATCH", ["repos", var o, var r, "check-runs", var id]) => UpdateCheckRun(new RepoKey(o, r), id, request),
            _ => NotFound(),
        };
    }

    private static JsonObject Error(string message, string documentation) => new() { ["message"] = message, ["documentation_url"] = documentation };

    private static JsonObject ErrorBody(int status) => status switch
    {
        429 => Error("API rate limit exceeded.", "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"),
        403 => Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits"),
        >= 500 => Error("Server Error", "https://docs.github.com/rest"),
        _ => Error("Error", "https://docs.github.com/rest"),
    };

    private static Answer FaultAnswer(FakeFault fault) =>
        Answer.Of(fault.Status, fault.Body is { } body ? JsonNode.Parse(body) : ErrorBody(fault.Status));

    private static Answer NotFound(string documentation = "https://docs.github.com/rest") => Answer.Of(404, Error("Not Found", documentation));

    // ---- pagination ----------------------------------------------------------------------------------------

    private Answer Page(IRequestMessage request, List<JsonObject> items)
    {
        var (page, links) = Paginate(request, items.Count);
        return Answer.Of(200, new JsonArray([.. items.Skip(page.Skip).Take(page.Take)]), links);
    }

    /// <summary>GitHub's page/per_page (default 30, at most 100) and its <c>Link</c> header, pointing at <see cref="PublicUrl"/>.</summary>
    private ((int Skip, int Take) Page, (string, string)[] Headers) Paginate(IRequestMessage request, int total)
    {
        var perPage = Math.Clamp(int.TryParse(Query(request, "per_page"), CultureInfo.InvariantCulture, out var pp) ? pp : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(Query(request, "page"), CultureInfo.InvariantCulture, out var p) ? p : 1);
        var last = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string>();
        string Link(int n, string rel)
        {
            var query = request.Query?
                .Where(q => q.Key is not ("page" or "per_page"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString() ?? "")}")
                .Append($"per_page={perPage}")
                .Append($"page={n}") ?? [];
            return $"<{PublicUrl}{new Uri(request.Url).AbsolutePath.TrimStart('/')}?{string.Join('&', query)}>; rel=\"{rel}\"";
        }

        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
            links.Add(Link(1, "first"));
        }

        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(last, "last"));
        }

        return (((page - 1) * perPage, perPage), links.Count == 0 ? [] : [("Link", string.Join(", ", links))]);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is not null && request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? BodyField(IRequestMessage request, string name)
    {
        try
        {
            return JsonNode.Parse(request.Body ?? "") is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string NodeId(string prefix, long id) => prefix + Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=');

    private static long StableId(string name) => 1 + (long)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name.ToLowerInvariant()))) % 90_000_000);

    /// <summary>
    /// WireMock's first answer can take a second (start-up, JIT); a test's first request would then hit the adapter's
    /// attempt timeout and be retried. One warm-up request here keeps tests deterministic.
    /// </summary>
    private void WaitUntilAnswering()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var _ = probe.GetAsync(new Uri(Url + "zen")).GetAwaiter().GetResult();
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Thread.Sleep(50);
            }
        }

        lock (gate)
        {
            requests.Clear();
            exchanges.Clear();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Answer(int Status, JsonNode? Body, (string Name, string Value)[] Headers)
    {
        public static Answer Of(int status, JsonNode? body, (string, string)[]? headers = null) => new(status, body, headers ?? []);
    }
}
