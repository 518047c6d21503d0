using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// A stateful GitHub on the wire (WireMock.Net on 127.0.0.1), for driving the real adapter and, later, the whole host.
/// Arrange with the <c>GivenXxx</c> verbs, read the outcome with <see cref="Comments"/>, <see cref="Labels"/>,
/// <see cref="PostedComments"/> and <see cref="Requests"/>. Writes change the state as GitHub would: a posted comment
/// gets an id and timestamps from the clock, adding or removing a label records a labeled/unlabeled event. Response
/// bodies follow GitHub's REST description (checked by Prism, see <see cref="PrismProxy"/>).
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    public const string DefaultAppSlug = "governance-bot";

    /// <summary>The longest comment body GitHub accepts, in characters.</summary>
    public const int MaxCommentBody = 65_536;

    private readonly WireMockServer server;
    private readonly Lock gate = new();
    private readonly List<FakeRequest> requests = [];
    private readonly List<(FakeRequest Request, int Status)> exchanges = [];
    private readonly List<Interference> interferences = [];
    private State state = new();
    private TimeProvider time;

    public FakeGitHub(TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => HandleAsync(request)));
        PublicUrl = Url;
        WaitUntilAnswering();
    }

    /// <summary>Where the fake listens, with a final slash (use as <c>GitHub:ApiUrl</c> when there is no proxy in front).</summary>
    public string Url => server.Url!.TrimEnd('/') + "/";

    /// <summary>The API root clients use, for the absolute URLs in bodies and <c>Link</c> headers: set it to a proxy's address.</summary>
    public string PublicUrl { get; set; }

    public string AppSlug => state.AppSlug;

    /// <summary>The login GitHub shows for the App's own comments.</summary>
    public string BotLogin => state.AppSlug + "[bot]";

    /// <summary>Forgets everything (state, requests, interferences) so a shared instance can serve the next test.</summary>
    public void Reset(TimeProvider? clock = null)
    {
        lock (gate)
        {
            state = new State();
            requests.Clear();
            exchanges.Clear();
            RateLimitRemaining = 4999;
            interferences.Clear();
            time = clock ?? TimeProvider.System;
        }
    }

    // ---- arrange -------------------------------------------------------------------------------------------

    public FakeGitHub GivenApp(string slug, long appId = 1)
    {
        lock (gate)
        {
            state.AppSlug = slug;
            state.AppId = appId;
        }

        return this;
    }

    /// <param name="repos">"owner/name" of each repository the installation was granted.</param>
    public FakeGitHub GivenInstallation(long id, params string[] repos)
    {
        lock (gate)
        {
            state.Installations[id] = [.. repos.Select(RepoKey.Parse)];
        }

        return this;
    }

    public FakeGitHub GivenFile(string repo, string path, string text)
    {
        lock (gate)
        {
            state.Files[(RepoKey.Parse(repo), path.Trim('/'))] = text;
        }

        return this;
    }

    public FakeGitHub GivenTeam(string org, string slug, params string[] members)
    {
        lock (gate)
        {
            state.Teams[(org.ToLowerInvariant(), slug.ToLowerInvariant())] = [.. members];
        }

        return this;
    }

    /// <summary>An open issue; its labels are applied without events (use <see cref="GivenLabelEvent"/> for history).</summary>
    public FakeGitHub GivenIssue(string repo, int number, string title, string author, params string[] labels)
    {
        lock (gate)
        {
            var key = RepoKey.Parse(repo);
            var issue = new FakeIssue(key, number, state.NextId(), title, author, Now());
            foreach (var label in labels)
            {
                issue.Labels.Add(EnsureRepoLabel(key, label).Name);
            }

            state.Issues[(key, number)] = issue;
        }

        return this;
    }

    /// <summary>A pull request: the issues endpoints answer for it too, and the bot must leave it alone.</summary>
    public FakeGitHub GivenPullRequest(string repo, int number, string title, string author, params string[] labels)
    {
        GivenIssue(repo, number, title, author, labels);
        lock (gate)
        {
            state.Issues[(RepoKey.Parse(repo), number)].IsPullRequest = true;
        }

        return this;
    }

    /// <summary>A labeled (or unlabeled) event in the issue's history; the issue's current labels are not changed.</summary>
    public FakeGitHub GivenLabelEvent(string repo, int number, string label, string actor, DateTimeOffset at, bool labeled = true)
    {
        lock (gate)
        {
            Issue(RepoKey.Parse(repo), number).Events.Add(new FakeEvent(state.NextId(), labeled ? "labeled" : "unlabeled", label, actor, at));
        }

        return this;
    }

    /// <summary>A human (or another App) labels the issue now: the label is applied and the event recorded.</summary>
    public FakeGitHub AddLabel(string repo, int number, string label, string actor)
    {
        lock (gate)
        {
            ApplyLabel(Issue(RepoKey.Parse(repo), number), label, actor);
        }

        return this;
    }

    public FakeGitHub RemoveLabel(string repo, int number, string label, string actor)
    {
        lock (gate)
        {
            UnapplyLabel(Issue(RepoKey.Parse(repo), number), label, actor);
        }

        return this;
    }

    public FakeGitHub CloseIssue(string repo, int number, string actor) => SetState(repo, number, open: false, actor);

    public FakeGitHub ReopenIssue(string repo, int number, string actor) => SetState(repo, number, open: true, actor);

    /// <returns>the new comment's id.</returns>
    public long GivenComment(string repo, int number, string author, string body, DateTimeOffset? createdAt = null, bool isBot = false)
    {
        lock (gate)
        {
            var at = createdAt ?? Now();
            var comment = new FakeComment(state.NextId(), RepoKey.Parse(repo).ToString(), number, author, isBot || author.EndsWith("[bot]", StringComparison.Ordinal), body, at, at);
            Issue(RepoKey.Parse(repo), number).Comments.Add(comment);
            return comment.Id;
        }
    }

    /// <summary>Someone edits a comment now: its author, unless <paramref name="by"/> names someone else (an admin can).</summary>
    public void EditComment(long commentId, string body, string? by = null)
    {
        lock (gate)
        {
            var (issue, index) = FindComment(commentId) ?? throw new InvalidOperationException($"no comment {commentId}");
            issue.Comments[index] = Edited(issue.Comments[index], body, by ?? issue.Comments[index].Author, byBot: by is null && issue.Comments[index].IsBot);
        }
    }

    public void DeleteComment(long commentId)
    {
        lock (gate)
        {
            var (issue, index) = FindComment(commentId) ?? throw new InvalidOperationException($"no comment {commentId}");
            issue.Comments.RemoveAt(index);
        }
    }

    /// <summary>
    /// Disturbs the next <paramref name="times"/> requests matching <paramref name="method"/> and a path ending with
    /// <paramref name="pathSuffix"/> (e.g. <c>"/comments"</c>), and when <paramref name="bodyContains"/> is given, whose
    /// request body contains it (e.g. one reply among several comments): see <see cref="FakeFault"/>.
    /// </summary>
    public FakeGitHub Interfere(HttpMethod method, string pathSuffix, FakeFault fault, int times = 1, string? bodyContains = null)
    {
        lock (gate)
        {
            interferences.Add(new Interference(method.Method, pathSuffix, fault, times, bodyContains));
        }

        return this;
    }

    /// <summary>The next matching request fails with <paramref name="status"/> and the given headers, without touching the state.</summary>
    public FakeGitHub FailNext(HttpMethod method, string pathSuffix, int status, params (string Name, string Value)[] headers) =>
        Interfere(method, pathSuffix, new FakeFault(status, Headers: headers));

    // ---- read ----------------------------------------------------------------------------------------------

    public IReadOnlyList<FakeComment> Comments(string repo, int number)
    {
        lock (gate)
        {
            return [.. Issue(RepoKey.Parse(repo), number).Comments];
        }
    }

    public IReadOnlyList<string> Labels(string repo, int number)
    {
        lock (gate)
        {
            return [.. Issue(RepoKey.Parse(repo), number).Labels];
        }
    }

    public IReadOnlyList<FakeEvent> Events(string repo, int number)
    {
        lock (gate)
        {
            return [.. Issue(RepoKey.Parse(repo), number).Events];
        }
    }

    /// <summary>The labels defined in the repository (name, color, description).</summary>
    public IReadOnlyList<FakeLabel> RepoLabels(string repo)
    {
        lock (gate)
        {
            return state.RepoLabels.TryGetValue(RepoKey.Parse(repo), out var labels) ? [.. labels.Values] : [];
        }
    }

    /// <summary>Comments created through the API (by the App), oldest first, across all issues.</summary>
    public IReadOnlyList<FakeComment> PostedComments()
    {
        lock (gate)
        {
            return [.. state.Posted];
        }
    }

    /// <summary>What <c>X-RateLimit-Remaining</c> says on every answer.</summary>
    public int RateLimitRemaining { get; set; } = 4999;

    /// <summary>Every request with the status it was answered with (304 for a conditional request that still matched).</summary>
    public IReadOnlyList<(FakeRequest Request, int Status)> Exchanges()
    {
        lock (gate)
        {
            return [.. exchanges];
        }
    }

    public IReadOnlyList<FakeRequest> Requests()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    /// <summary>How many installation tokens were handed out.</summary>
    public int TokensIssued
    {
        get
        {
            lock (gate)
            {
                return state.Tokens.Count;
            }
        }
    }

    public void Dispose() => server.Dispose();

    // ---- the wire ------------------------------------------------------------------------------------------

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        // The raw path keeps %2F inside a segment (a label named governance/voting) apart from the separators.
        var rawPath = new Uri(request.Url).AbsolutePath;
        var segments = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        Interference? interference;
        Answer answer;
        FakeRequest recorded;
        lock (gate)
        {
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
            exchanges.Add((recorded, (int)message.StatusCode!));
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
        if (isAppCall ? !IsJwt(auth) : InstallationOf(auth) is null)
        {
            return Answer.Of(401, Error("Bad credentials", "https://docs.github.com/rest"));
        }

        var installation = isAppCall ? 0 : InstallationOf(auth)!.Value;
        if (s is ["repos", var repoOwner, var repoName, ..] && !CanSee(installation, new RepoKey(repoOwner, repoName)))
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
            ("GET", ["orgs", var org, "teams", var team, "members"]) => state.Teams.TryGetValue((org.ToLowerInvariant(), team.ToLowerInvariant()), out var members)
                ? Page(request, [.. members.Select(m => UserJson(m))])
                : NotFound(),
            ("GET", ["repos", var o, var r, "issues"]) => ListIssues(request, new RepoKey(o, r)),
            ("GET", ["repos", var o, var r, "issues", var n]) when TryIssue(o, r, n, out var issue) => Answer.Of(200, IssueJson(issue)),
            ("GET", ["repos", var o, var r, "issues", var n, "events"]) when TryIssue(o, r, n, out var issue) =>
                Page(request, [.. issue.Events.Select(e => EventJson(issue, e))]),
            ("GET", ["repos", var o, var r, "issues", var n, "comments"]) when TryIssue(o, r, n, out var issue) =>
                Page(request, [.. issue.Comments.Select(c => CommentJson(c))]),
            ("POST", ["repos", var o, var r, "issues", var n, "comments"]) when TryIssue(o, r, n, out var issue) => PostComment(issue, request),
            ("PATCH", ["repos", _, _, "issues", "comments", var id]) => PatchComment(long.Parse(id, CultureInfo.InvariantCulture), request),
            ("DELETE", ["repos", _, _, "issues", "comments", var id]) => DeleteCommentAnswer(long.Parse(id, CultureInfo.InvariantCulture)),
            ("POST", ["repos", var o, var r, "issues", var n, "labels"]) when TryIssue(o, r, n, out var issue) => AddLabels(issue, request),
            ("DELETE", ["repos", var o, var r, "issues", var n, "labels", var name]) when TryIssue(o, r, n, out var issue) => DeleteLabel(issue, name),
            ("POST", ["repos", var o, var r, "labels"]) => CreateLabel(new RepoKey(o, r), request),
            ("GET", ["repos", var o, var r, "labels", var name]) => GetLabel(new RepoKey(o, r), name),
            ("POST", ["graphql"]) => GraphQl(request),
            _ => NotFound(),
        };
    }

    private Answer IssueToken(long installationId)
    {
        if (!state.Installations.ContainsKey(installationId))
        {
            return NotFound();
        }

        var token = $"ghs_fake{state.NextId()}";
        var expiresAt = Now() + TimeSpan.FromHours(1);
        state.Tokens[token] = (installationId, expiresAt);
        return Answer.Of(201, new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = Iso(expiresAt),
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read" },
            ["repository_selection"] = "selected",
        });
    }

    private Answer ListRepositories(IRequestMessage request, long installationId)
    {
        var repos = state.Installations[installationId];
        var (page, links) = Paginate(request, repos.Count);
        var body = new JsonObject
        {
            ["total_count"] = repos.Count,
            ["repository_selection"] = "selected",
            ["repositories"] = new JsonArray([.. repos.Skip(page.Skip).Take(page.Take).Select(RepositoryJson)]),
        };
        return Answer.Of(200, body, links);
    }

    private Answer GetContent(RepoKey repo, string path)
    {
        if (!state.Files.TryGetValue((repo, path), out var text))
        {
            return NotFound("https://docs.github.com/rest/repos/contents#get-repository-content");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(bytes));
        var url = $"{PublicUrl}repos/{repo}/contents/{path}?ref=main";
        var html = $"https://github.com/{repo}/blob/main/{path}";
        var git = $"{PublicUrl}repos/{repo}/git/blobs/{sha}";

        // GitHub wraps the base64 at 60 characters.
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Join('\n', Enumerable.Range(0, (base64.Length + 59) / 60).Select(i => base64.Substring(i * 60, Math.Min(60, base64.Length - (i * 60))))) + "\n";
        return Answer.Of(200, new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path.Split('/')[^1],
            ["path"] = path,
            ["content"] = wrapped,
            ["sha"] = sha,
            ["url"] = url,
            ["git_url"] = git,
            ["html_url"] = html,
            ["download_url"] = $"https://raw.githubusercontent.com/{repo}/main/{path}",
            ["_links"] = new JsonObject { ["self"] = url, ["git"] = git, ["html"] = html },
        });
    }

    private Answer ListIssues(IRequestMessage request, RepoKey repo)
    {
        var stateFilter = Query(request, "state") ?? "open";
        var labelFilter = Query(request, "labels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var matching = state.Issues.Values
            .Where(i => i.Repo == repo)
            .Where(i => stateFilter == "all" || (stateFilter == "open") == i.IsOpen)
            .Where(i => labelFilter.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(i => i.Number) // GitHub's default: newest first
            .Select(IssueJson);
        return Page(request, [.. matching]);
    }

    private Answer PostComment(FakeIssue issue, IRequestMessage request)
    {
        if (BodyField(request, "body") is not { } body)
        {
            return Answer.Of(422, Error("Invalid request.\n\n\"body\" wasn't supplied.", "https://docs.github.com/rest/issues/comments#create-an-issue-comment"));
        }

        if (TooLong(body) is { } tooLong)
        {
            return tooLong;
        }

        var now = Now();
        var comment = new FakeComment(state.NextId(), issue.Repo.ToString(), issue.Number, BotLogin, true, body, now, now);
        issue.Comments.Add(comment);
        state.Posted.Add(comment);
        return Answer.Of(201, CommentJson(comment), [("Location", CommentUrl(comment))]);
    }

    private Answer DeleteCommentAnswer(long id)
    {
        if (FindComment(id) is not var (issue, index)) return NotFound("https://docs.github.com/rest/issues/comments#delete-an-issue-comment");
        issue.Comments.RemoveAt(index);
        return Answer.Of(204, null);
    }

    private Answer PatchComment(long id, IRequestMessage request)
    {
        if (FindComment(id) is not var (issue, index))
        {
            return NotFound();
        }

        if (BodyField(request, "body") is not { } body)
        {
            return Answer.Of(422, Error("Invalid request.", "https://docs.github.com/rest/issues/comments#update-an-issue-comment"));
        }

        if (TooLong(body) is { } tooLong)
        {
            return tooLong;
        }

        var edited = Edited(issue.Comments[index], body, state.AppSlug, byBot: true);
        issue.Comments[index] = edited;
        var posted = state.Posted.FindIndex(c => c.Id == id);
        if (posted >= 0)
        {
            state.Posted[posted] = edited;
        }

        return Answer.Of(200, CommentJson(edited));
    }

    /// <summary>Like GitHub: a comment body over 65,536 characters is refused with 422 and nothing is stored.</summary>
    private static Answer? TooLong(string body) =>
        body.Length <= MaxCommentBody
            ? null
            : Answer.Of(422, new JsonObject
            {
                ["message"] = "Validation Failed",
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "IssueComment", ["code"] = "custom", ["field"] = "body", ["message"] = "body is too long (maximum is 65536 characters)" }),
                ["documentation_url"] = "https://docs.github.com/rest/issues/comments",
            });

    private Answer AddLabels(FakeIssue issue, IRequestMessage request)
    {
        var json = JsonNode.Parse(request.Body ?? "null");
        var names = (json switch
        {
            JsonObject o when o["labels"] is JsonArray a => a,
            JsonArray a => a,
            _ => [],
        }).Select(n => n is JsonObject lo ? lo["name"]!.GetValue<string>() : n!.GetValue<string>()).ToList();
        foreach (var name in names)
        {
            ApplyLabel(issue, name, BotLogin);
        }

        return Answer.Of(200, new JsonArray([.. issue.Labels.Select(l => LabelJson(issue.Repo, state.RepoLabels[issue.Repo][l.ToLowerInvariant()]))]));
    }

    private Answer DeleteLabel(FakeIssue issue, string name)
    {
        if (!issue.Labels.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return Answer.Of(404, Error("Label does not exist", "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue"));
        }

        UnapplyLabel(issue, name, BotLogin);
        return Answer.Of(200, new JsonArray([.. issue.Labels.Select(l => LabelJson(issue.Repo, state.RepoLabels[issue.Repo][l.ToLowerInvariant()]))]));
    }

    private Answer CreateLabel(RepoKey repo, IRequestMessage request)
    {
        var name = BodyField(request, "name");
        if (name is null)
        {
            return Answer.Of(422, Error("Validation Failed", "https://docs.github.com/rest/issues/labels#create-a-label"));
        }

        if (state.RepoLabels.TryGetValue(repo, out var labels) && labels.ContainsKey(name.ToLowerInvariant()))
        {
            var error = Error("Validation Failed", "https://docs.github.com/rest/issues/labels#create-a-label");
            error["errors"] = new JsonArray(new JsonObject { ["resource"] = "Label", ["code"] = "already_exists", ["field"] = "name" });
            return Answer.Of(422, error);
        }

        var label = EnsureRepoLabel(repo, name, BodyField(request, "color"), BodyField(request, "description"));
        return Answer.Of(201, LabelJson(repo, label), [("Location", $"{PublicUrl}repos/{repo}/labels/{Uri.EscapeDataString(name)}")]);
    }

    // ---- state helpers (callers hold the lock) -------------------------------------------------------------

    private void ApplyLabel(FakeIssue issue, string name, string actor)
    {
        var label = EnsureRepoLabel(issue.Repo, name);
        if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label.Name);
            issue.Events.Add(new FakeEvent(state.NextId(), "labeled", label.Name, actor, Now()));
        }
    }

    private void UnapplyLabel(FakeIssue issue, string name, string actor)
    {
        var existing = issue.Labels.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            issue.Labels.Remove(existing);
            issue.Events.Add(new FakeEvent(state.NextId(), "unlabeled", existing, actor, Now()));
        }
    }

    private FakeGitHub SetState(string repo, int number, bool open, string actor)
    {
        lock (gate)
        {
            var issue = Issue(RepoKey.Parse(repo), number);
            if (issue.IsOpen != open)
            {
                issue.IsOpen = open;
                issue.ClosedAt = open ? null : Now();
                issue.Events.Add(new FakeEvent(state.NextId(), open ? "reopened" : "closed", null, actor, Now()));
            }
        }

        return this;
    }

    private FakeLabel EnsureRepoLabel(RepoKey repo, string name, string? color = null, string? description = null)
    {
        if (!state.RepoLabels.TryGetValue(repo, out var labels))
        {
            state.RepoLabels[repo] = labels = new Dictionary<string, FakeLabel>();
        }

        if (!labels.TryGetValue(name.ToLowerInvariant(), out var label))
        {
            // Like GitHub, applying an unknown label creates it with a default colour.
            label = new FakeLabel(state.NextId(), name, color ?? "ededed", description);
            labels[name.ToLowerInvariant()] = label;
        }

        return label;
    }

    private FakeIssue Issue(RepoKey repo, int number) =>
        state.Issues.TryGetValue((repo, number), out var issue) ? issue : throw new InvalidOperationException($"FakeGitHub has no issue {repo}#{number}: call GivenIssue first.");

    private bool TryIssue(string owner, string repo, string number, out FakeIssue issue)
    {
        issue = null!;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
               && state.Issues.TryGetValue((new RepoKey(owner, repo), n), out issue!);
    }

    private (FakeIssue Issue, int Index)? FindComment(long id)
    {
        foreach (var issue in state.Issues.Values)
        {
            var index = issue.Comments.FindIndex(c => c.Id == id);
            if (index >= 0)
            {
                return (issue, index);
            }
        }

        return null;
    }

    private bool IsJwt(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Split('.').Length == 3;

    private long? InstallationOf(string? authorization)
    {
        var token = authorization?.Split(' ') is [("Bearer" or "token"), var t] ? t : null;
        return token is not null && state.Tokens.TryGetValue(token, out var grant) && Now() < grant.ExpiresAt ? grant.InstallationId : null;
    }

    /// <summary>An installation sees only the repositories it was granted; any other looks absent, as on GitHub.</summary>
    private bool CanSee(long installationId, RepoKey repo) =>
        !state.Installations.Values.Any(r => r.Contains(repo)) || (state.Installations.TryGetValue(installationId, out var granted) && granted.Contains(repo));

    private DateTimeOffset Now() => time.GetUtcNow();

    // ---- JSON in GitHub's shapes ---------------------------------------------------------------------------

    private JsonObject AppJson()
    {
        var now = Iso(Now());
        return new JsonObject
        {
            ["id"] = state.AppId,
            ["slug"] = state.AppSlug,
            ["node_id"] = NodeId("A", state.AppId),
            ["client_id"] = "Iv1.fake",
            ["owner"] = UserJson("octo-org", type: "Organization"),
            ["name"] = state.AppSlug,
            ["description"] = "Runs RFC votes",
            ["external_url"] = "https://example.org/governance-bot",
            ["html_url"] = $"https://github.com/apps/{state.AppSlug}",
            ["created_at"] = now,
            ["updated_at"] = now,
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read" },
            ["events"] = new JsonArray("issues", "issue_comment"),
        };
    }

    private JsonObject InstallationJson(long id)
    {
        var owner = state.Installations[id].FirstOrDefault().Owner ?? "octo-org";
        var now = Iso(Now());
        return new JsonObject
        {
            ["id"] = id,
            ["account"] = AccountJson(owner),
            ["repository_selection"] = "selected",
            ["access_tokens_url"] = $"{PublicUrl}app/installations/{id}/access_tokens",
            ["repositories_url"] = $"{PublicUrl}installation/repositories",
            ["html_url"] = $"https://github.com/organizations/{owner}/settings/installations/{id}",
            ["app_id"] = state.AppId,
            ["app_slug"] = state.AppSlug,
            ["target_id"] = StableId(owner),
            ["target_type"] = "Organization",
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read" },
            ["events"] = new JsonArray("issues", "issue_comment"),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["single_file_name"] = null,
            ["suspended_by"] = null,
            ["suspended_at"] = null,
        };
    }

    /// <summary>
    /// GitHub's description of <c>GET /app/installations</c> declares the account as user and enterprise at once
    /// (an allOf), so it carries the enterprise fields too; clients ignore what they do not know.
    /// </summary>
    private JsonObject AccountJson(string owner)
    {
        var account = UserJson(owner, type: "Organization");
        account["name"] = owner;
        account["slug"] = owner;
        account["created_at"] = Iso(Now());
        account["updated_at"] = Iso(Now());
        return account;
    }

    private JsonObject RepositoryJson(RepoKey repo)
    {
        var api = $"{PublicUrl}repos/{repo}";
        var html = $"https://github.com/{repo}";
        var json = new JsonObject
        {
            ["id"] = StableId(repo.ToString()),
            ["node_id"] = NodeId("R_", StableId(repo.ToString())),
            ["name"] = repo.Name,
            ["full_name"] = repo.ToString(),
            ["license"] = null,
            ["forks"] = 0,
            ["owner"] = UserJson(repo.Owner, type: "Organization"),
            ["private"] = false,
            ["html_url"] = html,
            ["description"] = null,
            ["fork"] = false,
            ["url"] = api,
            ["git_url"] = $"git://github.com/{repo}.git",
            ["ssh_url"] = $"git@github.com:{repo}.git",
            ["clone_url"] = $"{html}.git",
            ["svn_url"] = html,
            ["mirror_url"] = null,
            ["homepage"] = null,
            ["language"] = null,
            ["forks_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers_count"] = 0,
            ["size"] = 0,
            ["default_branch"] = "main",
            ["open_issues_count"] = 0,
            ["has_issues"] = true,
            ["has_projects"] = false,
            ["has_wiki"] = false,
            ["has_pages"] = false,
            ["has_downloads"] = false,
            ["archived"] = false,
            ["disabled"] = false,
            ["pushed_at"] = Iso(Now()),
            ["created_at"] = Iso(Now()),
            ["updated_at"] = Iso(Now()),
            ["open_issues"] = 0,
            ["watchers"] = 0,
        };
        string[] templated = ["archive_url", "assignees_url", "blobs_url", "branches_url", "collaborators_url", "comments_url", "commits_url", "compare_url", "contents_url", "contributors_url", "deployments_url", "downloads_url", "events_url", "forks_url", "git_commits_url", "git_refs_url", "git_tags_url", "hooks_url", "issue_comment_url", "issue_events_url", "issues_url", "keys_url", "labels_url", "languages_url", "merges_url", "milestones_url", "notifications_url", "pulls_url", "releases_url", "stargazers_url", "statuses_url", "subscribers_url", "subscription_url", "tags_url", "teams_url", "trees_url"];
        foreach (var field in templated)
        {
            json[field] = $"{api}/{field[..^4]}";
        }

        return json;
    }

    private JsonObject UserJson(string login, string? type = null)
    {
        var api = $"{PublicUrl}users/{Uri.EscapeDataString(login)}";
        var id = StableId(login);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("U_", id),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = api,
            // A bot's page is its App's page: "governance-bot[bot]" is no valid URL path.
            ["html_url"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? $"https://github.com/apps/{login[..^5]}" : $"https://github.com/{login}",
            ["followers_url"] = $"{api}/followers",
            ["following_url"] = $"{api}/following{{/other_user}}",
            ["gists_url"] = $"{api}/gists{{/gist_id}}",
            ["starred_url"] = $"{api}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{api}/subscriptions",
            ["organizations_url"] = $"{api}/orgs",
            ["repos_url"] = $"{api}/repos",
            ["events_url"] = $"{api}/events{{/privacy}}",
            ["received_events_url"] = $"{api}/received_events",
            ["type"] = type ?? (login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User"),
            ["site_admin"] = false,
            ["user_view_type"] = "public",
        };
    }

    private JsonObject CommentUser(FakeComment comment) => UserJson(comment.Author, comment.IsBot ? "Bot" : "User");

    private JsonObject LabelJson(RepoKey repo, FakeLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = NodeId("LA_", label.Id),
        ["url"] = $"{PublicUrl}repos/{repo}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["description"] = label.Description,
        ["color"] = label.Color,
        ["default"] = false,
    };

    private JsonObject IssueJson(FakeIssue issue)
    {
        var api = $"{PublicUrl}repos/{issue.Repo}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = NodeId("I_", issue.Id),
            ["url"] = api,
            ["repository_url"] = $"{PublicUrl}repos/{issue.Repo}",
            ["labels_url"] = $"{api}/labels{{/name}}",
            ["comments_url"] = $"{api}/comments",
            ["events_url"] = $"{api}/events",
            ["html_url"] = $"https://github.com/{issue.Repo}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.IsOpen ? "open" : "closed",
            ["state_reason"] = issue.IsOpen ? null : "completed",
            ["title"] = issue.Title,
            ["body"] = null,
            ["user"] = UserJson(issue.Author),
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => LabelJson(issue.Repo, state.RepoLabels[issue.Repo][l.ToLowerInvariant()]))]),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = issue.ClosedAt is { } closed ? Iso(closed) : null,
            ["created_at"] = Iso(issue.CreatedAt),
            ["updated_at"] = Iso(issue.CreatedAt),
            ["author_association"] = "CONTRIBUTOR",
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{PublicUrl}repos/{issue.Repo}/pulls/{issue.Number}",
                ["html_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}",
                ["diff_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}.diff",
                ["patch_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}.patch",
            };
        }

        return json;
    }

    private string CommentUrl(FakeComment comment) => $"{PublicUrl}repos/{comment.Repo}/issues/comments/{comment.Id}";

    private JsonObject CommentJson(FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = NodeId("IC_", comment.Id),
        ["url"] = CommentUrl(comment),
        ["html_url"] = $"https://github.com/{comment.Repo}/issues/{comment.Number}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = CommentUser(comment),
        ["created_at"] = Iso(comment.CreatedAt),
        ["updated_at"] = Iso(comment.UpdatedAt),
        ["issue_url"] = $"{PublicUrl}repos/{comment.Repo}/issues/{comment.Number}",
        ["author_association"] = comment.IsBot ? "NONE" : "CONTRIBUTOR",
        ["performed_via_github_app"] = null,
    };

    private JsonObject EventJson(FakeIssue issue, FakeEvent e)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["node_id"] = NodeId("LE_", e.Id),
            ["url"] = $"{PublicUrl}repos/{issue.Repo}/issues/events/{e.Id}",
            ["actor"] = UserJson(e.Actor),
            ["event"] = e.Kind,
            ["commit_id"] = null,
            ["commit_url"] = null,
            ["created_at"] = Iso(e.At),
            ["performed_via_github_app"] = null,
        };
        if (e.Label is { } label)
        {
            var color = state.RepoLabels.TryGetValue(issue.Repo, out var labels) && labels.TryGetValue(label.ToLowerInvariant(), out var known) ? known.Color : "ededed";
            json["label"] = new JsonObject { ["name"] = label, ["color"] = color };
        }

        return json;
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

    private sealed class Interference(string method, string pathSuffix, FakeFault fault, int times, string? bodyContains)
    {
        public string? BodyContains { get; } = bodyContains;

        public string Method { get; } = method;

        public string PathSuffix { get; } = pathSuffix;

        public FakeFault Fault { get; } = fault;

        public int Times { get; set; } = times;
    }

    private sealed class State
    {
        private long lastId = 1000;

        public string AppSlug { get; set; } = DefaultAppSlug;

        public long AppId { get; set; } = 1;

        public Dictionary<long, List<RepoKey>> Installations { get; } = [];

        public Dictionary<string, (long InstallationId, DateTimeOffset ExpiresAt)> Tokens { get; } = [];

        public Dictionary<(RepoKey, string), string> Files { get; } = [];

        public Dictionary<(string Org, string Slug), List<string>> Teams { get; } = [];

        public Dictionary<(RepoKey, int), FakeIssue> Issues { get; } = [];

        public Dictionary<RepoKey, Dictionary<string, FakeLabel>> RepoLabels { get; } = [];

        public List<FakeComment> Posted { get; } = [];

        /// <summary>Each edited comment's history as GitHub keeps it (the original text first).</summary>
        public Dictionary<long, List<FakeRevision>> Revisions { get; } = [];

        /// <summary>Repositories that answer every request with a status (410 gone, 404, 403), see <see cref="GivenRepositoryAnswers"/>.</summary>
        public Dictionary<RepoKey, int> RepositoryStatus { get; } = [];

        public long NextId() => ++lastId;
    }

    private sealed class FakeIssue(RepoKey repo, int number, long id, string title, string author, DateTimeOffset createdAt)
    {
        public RepoKey Repo { get; } = repo;

        public int Number { get; } = number;

        public long Id { get; } = id;

        public string Title { get; } = title;

        public string Author { get; } = author;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public bool IsOpen { get; set; } = true;

        public DateTimeOffset? ClosedAt { get; set; }

        public bool IsPullRequest { get; set; }

        public List<string> Labels { get; } = [];

        public List<FakeEvent> Events { get; } = [];

        public List<FakeComment> Comments { get; } = [];
    }

    private readonly record struct RepoKey(string Owner, string Name)
    {
        public static RepoKey Parse(string repo) =>
            repo.Split('/') is [var owner, var name] ? new RepoKey(owner, name) : throw new ArgumentException($"'{repo}' is not owner/name", nameof(repo));

        public bool Equals(RepoKey other) =>
            string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase) && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

        public override int GetHashCode() => HashCode.Combine(Owner.ToLowerInvariant(), Name.ToLowerInvariant());

        public override string ToString() => $"{Owner}/{Name}";
    }
}

/// <summary>A comment as the fake holds it.</summary>
public sealed record FakeComment(long Id, string Repo, int Number, string Author, bool IsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An entry of an issue's event log: labeled, unlabeled, closed or reopened.</summary>
public sealed record FakeEvent(long Id, string Kind, string? Label, string Actor, DateTimeOffset At);

public sealed record FakeLabel(long Id, string Name, string Color, string? Description);

/// <summary>One request as the fake received it (path with segments unescaped).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Body, string? Authorization, string? ContentType);

/// <summary>
/// How to disturb a request. <paramref name="Status"/> 0 means answer normally. With <paramref name="AfterHandling"/>
/// the fake first does what was asked (stores the comment...) and only then fails or stalls, like a GitHub whose
/// answer is lost on the way back. <paramref name="Delay"/> is real time, before answering.
/// </summary>
public sealed record FakeFault(int Status = 0, string? Body = null, (string Name, string Value)[]? Headers = null, TimeSpan Delay = default, bool AfterHandling = false);
