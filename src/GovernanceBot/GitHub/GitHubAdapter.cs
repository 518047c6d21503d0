using System.Net;
using System.Text;
using System.Text.Json;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace GovernanceBot.GitHub;

/// <summary>
/// <see cref="IGitHub"/> over GitHub's REST API, as the App. Every call runs as the installation named by its
/// <see cref="RepoRef.InstallationId"/>, so one instance serves all installations.
/// </summary>
/// <remarks>
/// Each call is one or a few requests of <see cref="GitHubRest"/>, its answer read into the few fields the bot uses
/// (<see cref="GitHubJson"/>). Names in paths are escaped, so a label such as <c>governance/voting</c> stays one segment.
/// </remarks>
internal sealed partial class GitHubAdapter : IGitHub
{
    private static readonly GitHubJson Json = GitHubJson.Default;

    private readonly GitHubConnections _connections;
    private readonly GitHubResilienceOptions _resilience;
    private readonly TimeProvider _time;
    private readonly ILogger<GitHubAdapter> _logger;
    private readonly KnownLabels _knownLabels;
    private string? _botLogin;

    public GitHubAdapter(GitHubConnections connections, IOptions<GitHubOptions> options, TimeProvider time, ILogger<GitHubAdapter> logger)
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

        var app = await Rest.GetAsync(_connections.App, "app", Json.GitHubApp, cancellationToken);
        return _botLogin = app.Slug + "[bot]";
    }

    public async Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken)
    {
        System.Text.Json.JsonElement content;
        try
        {
            content = await Rest.GetAsync(Credential(repo), $"{RepoPath(repo)}/contents/{EscapePath(path)}", Json.JsonElement, cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        // A directory (a list of entries), a symlink or a submodule at that path is not the file asked for.
        if (content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("file")
            || !content.TryGetProperty("content", out var encoded) || encoded.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return Encoding.UTF8.GetString(Convert.FromBase64String(encoded.GetString()!));
    }

    public async Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken)
    {
        try
        {
            var members = await Rest.GetAllAsync(Credential(repo), $"orgs/{Escape(org)}/teams/{Escape(teamSlug)}/members", Json.ListGitHubAccount, cancellationToken);
            return [.. members.Select(m => m.Login ?? "ghost")];
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        GitHubIssue found;
        try
        {
            found = await Rest.GetAsync(Credential(issue.Repo), IssuePath(issue), Json.GitHubIssue, cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            // Deleted, transferred, or the repository's issues were switched off.
            return null;
        }

        RememberBody(issue, found.NodeId, found.Body);

        // The issues API also answers for pull requests: the same process runs on both.
        return new IssueSnapshot(
            found.Number,
            found.Title ?? "",
            found.User?.Login ?? "ghost",
            found.State == "open",
            [.. (found.Labels ?? []).Select(l => l.Name ?? "")],
            IsPullRequest: found.PullRequest is not null,
            IsLocked: found.Locked);
    }

    public async Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var events = await Rest.GetAllAsync(Credential(issue.Repo), IssuePath(issue) + "/events", Json.ListGitHubIssueEvent, cancellationToken);

        var facts = new List<IssueEvent>();
        foreach (var e in events)
        {
            IssueEventKind? kind = e.Event switch
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

        return [.. facts.OrderBy(f => f.At).ThenBy(f => f.Id)];
    }

    public async Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var comments = await Rest.GetAllAsync(Credential(issue.Repo), IssuePath(issue) + "/comments", Json.ListGitHubComment, cancellationToken);
        RememberNodeIds(comments);

        return [.. comments
            .Select(c => new CommentFact(
                c.Id,
                c.User?.Login ?? "ghost",
                c.User?.Type == "Bot",
                c.Body ?? "",
                c.CreatedAt,
                c.UpdatedAt ?? c.CreatedAt,
                c.HtmlUrl ?? ""))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)];
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
        var edited = await Rest.SendAsync(Credential(repo), HttpMethod.Patch, $"{RepoPath(repo)}/issues/comments/{commentId}", Body(new CommentBody(body), Json.CommentBody), Json.GitHubComment, cancellationToken);
        RememberOwnEdit(commentId, edited.UpdatedAt, edited.User?.Login);
    }

    public async Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken)
    {
        try
        {
            await Rest.SendAsync(Credential(repo), HttpMethod.Delete, $"{RepoPath(repo)}/issues/comments/{commentId}", body: null, cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: the state we wanted.
        }
    }

    public Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Rest.SendAsync(Credential(issue.Repo), HttpMethod.Post, IssuePath(issue) + "/labels", Body(new LabelsBody([label]), Json.LabelsBody), cancellationToken);

    public Task LockIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Rest.SendAsync(Credential(issue.Repo), HttpMethod.Put, IssuePath(issue) + "/lock", Body(new LockBody("resolved"), Json.LockBody), cancellationToken);

    public Task CloseIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Rest.SendAsync(Credential(issue.Repo), HttpMethod.Patch, IssuePath(issue), Body(new StateBody("closed", "completed"), Json.StateBody), cancellationToken);

    public async Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken)
    {
        try
        {
            // Label names may contain '/', e.g. governance/voting: escaped, it stays one path segment.
            await Rest.SendAsync(Credential(issue.Repo), HttpMethod.Delete, IssuePath(issue) + "/labels/" + Escape(label), body: null, cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
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
        try
        {
            await Rest.GetAsync(Credential(repo), $"{RepoPath(repo)}/labels/{Escape(label.Name)}", Json.JsonElement, cancellationToken);
            return;
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            GitHubLog.LabelMissing(_logger, repo.ToString(), label.Name);
        }

        try
        {
            await Rest.SendAsync(Credential(repo), HttpMethod.Post, $"{RepoPath(repo)}/labels", Body(new NewLabelBody(label.Name, label.Color.TrimStart('#'), label.Description), Json.NewLabelBody), cancellationToken);
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity && e.ErrorCodes.Contains("already_exists"))
        {
            GitHubLog.LabelExists(_logger, repo.ToString(), label.Name);
        }
    }

    public async Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken)
    {
        var issues = await Rest.GetAllAsync(Credential(repo), $"{RepoPath(repo)}/issues?state=open&labels={Escape(label)}", Json.ListGitHubIssue, cancellationToken);

        // Pull requests are issues to this endpoint too, and carry processes as issues do.
        return [.. issues.Select(i => i.Number).Order()];
    }

    private async Task<long> PostCommentOnceAsync(IssueRef issue, string body, CancellationToken cancellationToken)
    {
        var created = await Rest.SendAsync(Credential(issue.Repo), HttpMethod.Post, IssuePath(issue) + "/comments", Body(new CommentBody(body), Json.CommentBody), Json.GitHubCreated, cancellationToken);
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
            case GitHubApiException api:
                return GitHubRetryPolicy.Classify(api.StatusCode, api.Header, api.Body) is { } reason
                    ? GitHubRetryPolicy.Delay(reason, api.Header, _time.GetUtcNow(), attempt, _resilience)
                    : null;
            default:
                return null;
        }
    }

    private GitHubRest Rest => _connections.Rest;

    private GitHubCredential Credential(RepoRef repo) => _connections.ForInstallation(repo.InstallationId);

    private static string IssuePath(IssueRef issue) => $"{RepoPath(issue.Repo)}/issues/{issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string RepoPath(RepoRef repo) => $"repos/{Escape(repo.Owner)}/{Escape(repo.Name)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>A file path: each segment escaped, the slashes kept.</summary>
    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Escape));

    private static byte[] Body<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => GitHubRest.Json(value, type);
}
