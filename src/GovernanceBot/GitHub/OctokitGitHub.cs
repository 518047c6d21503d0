using System.Net;
using System.Text;
using System.Text.Json;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Polly.Timeout;
using IssueEvent = GovernanceBot.Domain.Lifecycle.IssueEvent;

namespace GovernanceBot.GitHub;

/// <summary>
/// <see cref="IGitHub"/> over GitHub's REST API, as the App. Every call runs as the installation named by its
/// <see cref="RepoRef.InstallationId"/>, so one instance serves all installations.
/// </summary>
/// <remarks>
/// Reads use Octokit's clients. Writes go through Octokit's <see cref="IApiConnection"/> with explicit JSON bodies,
/// because Octokit's own calls send them as <c>application/x-www-form-urlencoded</c>, send labels as a bare array,
/// and do not escape a <c>/</c> in a label name.
/// <para>
/// Every call runs inside <see cref="GitHubCallContext.RunAsync{T}"/>, which sets the caller's
/// <see cref="CancellationToken"/> as an ambient (<see cref="AsyncLocal{T}"/>) value for the HTTP handlers below Octokit.
/// Octokit's high-level API (its clients and <see cref="IApiConnection"/>) takes no <see cref="CancellationToken"/>, so
/// there is no other way to carry it past Octokit; everything else in the bot travels as arguments and return values.
/// </para>
/// </remarks>
internal sealed partial class OctokitGitHub : IGitHub
{
    private const string Accept = "application/vnd.github+json";
    private const string JsonMediaType = "application/json";
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    private readonly GitHubConnections _connections;
    private readonly GitHubResilienceOptions _resilience;
    private readonly TimeProvider _time;
    private readonly ILogger<OctokitGitHub> _logger;
    private readonly KnownLabels _knownLabels;
    private string? _botLogin;

    public OctokitGitHub(GitHubConnections connections, IOptions<GitHubOptions> options, TimeProvider time, ILogger<OctokitGitHub> logger)
    {
        _connections = connections;
        _resilience = options.Value.Resilience;
        _graphQlUri = GraphQlEndpoint(options.Value.ApiBaseUri);
        _time = time;
        _logger = logger;
        _knownLabels = new KnownLabels(time);
    }

    public async Task<string> GetBotLoginAsync(CancellationToken cancellationToken)
    {
        if (_botLogin is { } known)
        {
            return known;
        }

        var app = await GitHubCallContext.RunAsync(cancellationToken, () => _connections.App.GitHubApps.GetCurrent());
        return _botLogin = app.Slug + "[bot]";
    }

    public async Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken)
    {
        var client = _connections.ForInstallation(repo.InstallationId);
        IReadOnlyList<RepositoryContent> contents;
        try
        {
            contents = await GitHubCallContext.RunAsync(cancellationToken, () => client.Repository.Content.GetAllContents(repo.Owner, repo.Name, path));
        }
        catch (NotFoundException)
        {
            return null;
        }

        // A directory (several entries), a symlink or a submodule at that path is not the file asked for.
        if (contents is not [{ } file] || file.Type.StringValue != "file" || file.EncodedContent is null)
        {
            return null;
        }

        return Encoding.UTF8.GetString(Convert.FromBase64String(file.EncodedContent));
    }

    public async Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        try
        {
            var members = await GitHubCallContext.RunAsync(
                cancellationToken,
                () => api.GetAll<User>(Relative($"orgs/{Escape(org)}/teams/{Escape(teamSlug)}/members"), AllPages));
            return members.Select(m => m.Login).ToList();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var client = _connections.ForInstallation(issue.Repo.InstallationId);
        Issue found;
        try
        {
            found = await GitHubCallContext.RunAsync(cancellationToken, () => client.Issue.Get(issue.Repo.Owner, issue.Repo.Name, issue.Number));
        }
        catch (Exception e) when (e is NotFoundException || (e is ApiException { StatusCode: HttpStatusCode.Gone }))
        {
            // Deleted, transferred, or the repository's issues were switched off.
            return null;
        }

        RememberBody(issue, found.NodeId, found.Body);

        // The issues API also answers for pull requests: the same process runs on both.
        return new IssueSnapshot(
            found.Number,
            found.Title,
            found.User?.Login ?? "ghost",
            found.State.StringValue == "open",
            found.Labels.Select(l => l.Name).ToList(),
            IsPullRequest: found.PullRequest is not null,
            IsLocked: found.Locked);
    }

    public async Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var client = _connections.ForInstallation(issue.Repo.InstallationId);
        var events = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => client.Issue.Events.GetAllForIssue(issue.Repo.Owner, issue.Repo.Name, issue.Number, AllPages));

        var facts = new List<IssueEvent>();
        foreach (var e in events)
        {
            // StringValue, not Value: GitHub adds event kinds faster than Octokit's enum does.
            IssueEventKind? kind = e.Event.StringValue switch
            {
                "labeled" => IssueEventKind.Labeled,
                "unlabeled" => IssueEventKind.Unlabeled,
                "closed" => IssueEventKind.Closed,
                "reopened" => IssueEventKind.Reopened,
                _ => null,
            };
            if (kind is { } k)
            {
                var label = k is IssueEventKind.Labeled or IssueEventKind.Unlabeled ? e.Label?.Name : null;
                facts.Add(new IssueEvent(e.Id, k, label, e.Actor?.Login ?? "ghost", e.CreatedAt));
            }
        }

        return facts.OrderBy(f => f.At).ThenBy(f => f.Id).ToList();
    }

    public async Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var client = _connections.ForInstallation(issue.Repo.InstallationId);
        var comments = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => client.Issue.Comment.GetAllForIssue(issue.Repo.Owner, issue.Repo.Name, issue.Number, AllPages));
        RememberNodeIds(comments);

        return comments
            .Select(c => new CommentFact(
                c.Id,
                c.User?.Login ?? "ghost",
                c.User?.Type == AccountType.Bot,
                c.Body ?? "",
                c.CreatedAt,
                c.UpdatedAt ?? c.CreatedAt,
                c.HtmlUrl))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .ToList();
    }

    /// <remarks>
    /// A POST that fails in flight may still have created the comment, so it is never simply repeated: after a
    /// failure the issue's comments are read again and a bot comment carrying the same marker key
    /// (<see cref="Markers.KeyOf"/>, as the reconciler identifies them) counts as posted. A body without a marker is not retried at all.
    /// </remarks>
    public async Task<long> PostCommentAsync(IssueRef issue, string body, CancellationToken cancellationToken)
    {
        var marker = Markers.KeyOf(body);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                return await PostCommentOnceAsync(issue, body, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && UncertainFailure(e, attempt) is { } wait)
            {
                if (marker is null)
                {
                    GitHubLog.CommentPostUnmarked(_logger, issue.ToString(), e.GetType().Name);
                    throw;
                }

                if (attempt >= _resilience.MaxAttempts)
                {
                    throw;
                }

                GitHubLog.CommentPostUncertain(_logger, issue.ToString(), e.GetType().Name, attempt + 1);
                delay = wait;
            }

            await Task.Delay(delay, _time, cancellationToken);
            if (await FindOwnCommentAsync(issue, marker, cancellationToken) is { } existing)
            {
                GitHubLog.CommentFoundAfterFailure(_logger, issue.ToString(), marker, existing);
                return existing;
            }
        }
    }

    public async Task EditCommentAsync(RepoRef repo, long commentId, string body, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var edited = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Patch<IssueComment>(Relative($"{RepoPath(repo)}/issues/comments/{commentId}"), Json(new { body }), Accept));
        RememberOwnEdit(commentId, edited?.UpdatedAt, edited?.User?.Login);
    }

    public async Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        try
        {
            await GitHubCallContext.RunAsync(
                cancellationToken,
                () => api.Delete(Relative($"{RepoPath(repo)}/issues/comments/{commentId}")));
        }
        catch (NotFoundException)
        {
            // Already gone: the state we wanted.
        }
    }

    public Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        return GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Post<IReadOnlyList<Label>>(IssuePath(issue, "labels"), Json(new { labels = new[] { label } }), Accept, JsonMediaType, cancellationToken));
    }

    public Task LockIssueAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        return GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Connection.Put<object>(IssuePath(issue, "lock"), Json(new { lock_reason = "resolved" }), null, Accept));
    }

    public Task CloseIssueAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        return GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Patch<Issue>(Relative(IssuePath(issue)), Json(new { state = "closed", state_reason = "completed" }), Accept));
    }

    public async Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        try
        {
            // Label names may contain '/', e.g. governance/voting: escaped, it stays one path segment.
            await GitHubCallContext.RunAsync(cancellationToken, () => api.Delete(IssuePath(issue, "labels/" + Escape(label))));
        }
        catch (NotFoundException)
        {
            // Already gone: the state we wanted.
        }
    }

    /// <remarks>
    /// Asks first (<c>GET</c> the label) and creates it only when GitHub says it is missing; what exists is remembered
    /// for an hour (<see cref="KnownLabels"/>). A create that races another (422 <c>already_exists</c>) is fine.
    /// </remarks>
    public Task EnsureLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken) =>
        _knownLabels.EnsureAsync(repo, label.Name, () => LookUpOrCreateLabelAsync(repo, label, cancellationToken), cancellationToken);

    private async Task LookUpOrCreateLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var labels = Relative($"{RepoPath(repo)}/labels");
        try
        {
            await GitHubCallContext.RunAsync(cancellationToken, () => api.Get<Label>(Relative($"{RepoPath(repo)}/labels/{Escape(label.Name)}")));
            return;
        }
        catch (NotFoundException)
        {
            GitHubLog.LabelMissing(_logger, repo.ToString(), label.Name);
        }

        var body = Json(new { name = label.Name, color = label.Color.TrimStart('#'), description = label.Description });
        try
        {
            await GitHubCallContext.RunAsync(
                cancellationToken,
                () => api.Post<Label>(labels, body, Accept, JsonMediaType, cancellationToken));
        }
        catch (ApiValidationException e) when (e.ApiError?.Errors?.Any(x => x.Code == "already_exists") ?? false)
        {
            GitHubLog.LabelExists(_logger, repo.ToString(), label.Name);
        }
    }

    public async Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken)
    {
        var api = Api(repo);
        var query = new Dictionary<string, string> { ["state"] = "open", ["labels"] = label };
        var issues = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.GetAll<Issue>(Relative($"{RepoPath(repo)}/issues"), query, AllPages));

        // Pull requests are issues to this endpoint too, and carry processes as issues do.
        return issues.Select(i => i.Number).Order().ToList();
    }

    private async Task<long> PostCommentOnceAsync(IssueRef issue, string body, CancellationToken cancellationToken)
    {
        var api = Api(issue.Repo);
        var created = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Post<IssueComment>(IssuePath(issue, "comments"), Json(new { body }), Accept, JsonMediaType, cancellationToken));
        return created.Id;
    }

    private async Task<long?> FindOwnCommentAsync(IssueRef issue, string marker, CancellationToken cancellationToken)
    {
        var me = await GetBotLoginAsync(cancellationToken);
        var comments = await GetCommentsAsync(issue, cancellationToken);
        return comments
            .Where(c => string.Equals(c.Author, me, StringComparison.OrdinalIgnoreCase) && Markers.KeyOf(c.Body) == marker)
            .Select(c => (long?)c.Id)
            .LastOrDefault();
    }

    /// <summary>How long to wait when <paramref name="e"/> leaves open whether the request reached GitHub; null when it is a plain failure.</summary>
    private TimeSpan? UncertainFailure(Exception e, int attempt)
    {
        switch (e)
        {
            case TimeoutRejectedException or HttpRequestException or OperationCanceledException:
                return GitHubRetryPolicy.Backoff(attempt, _resilience);
            case ApiException api:
                var headers = api.HttpResponse?.Headers;
                string? Header(string name) =>
                    headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                return GitHubRetryPolicy.Classify(api.StatusCode, Header, api.HttpResponse?.Body as string) is { } reason
                    ? GitHubRetryPolicy.Delay(reason, Header, _time.GetUtcNow(), attempt, _resilience)
                    : null;
            default:
                return null;
        }
    }

    private ApiConnection Api(RepoRef repo) => new(_connections.ForInstallation(repo.InstallationId).Connection);

    private static Uri IssuePath(IssueRef issue, string rest) => Relative($"{IssuePath(issue)}/{rest}");

    /// <summary><c>repos/OWNER/NAME</c>, names escaped: every repository path starts so.</summary>
    private static string RepoPath(RepoRef repo) => $"repos/{Escape(repo.Owner)}/{Escape(repo.Name)}";

    /// <summary><c>repos/OWNER/NAME/issues/N</c>, names escaped.</summary>
    private static string IssuePath(IssueRef issue) => $"{RepoPath(issue.Repo)}/issues/{issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>A JSON body Octokit sends as it is, with the media type GitHub's schema declares.</summary>
    private static StringContent Json<T>(T value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, JsonMediaType);
}
