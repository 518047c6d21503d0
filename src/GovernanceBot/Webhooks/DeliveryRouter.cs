using System.Text.Json;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.CheckRun;
using Octokit.Webhooks.Events.Installation;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.Issues;
using Octokit.Webhooks.Events.PullRequest;

namespace GovernanceBot.Webhooks;

/// <summary>
/// Turns a verified delivery into work: "reconcile this issue or pull request", or "refresh what the App can reach", and returns what it
/// did as a <see cref="DeliveryOutcome"/>. It never calls GitHub, so the endpoint can answer at once.
/// </summary>
/// <remarks>
/// Octokit.Webhooks' <c>WebhookEventProcessor</c> dispatches to handlers that return nothing, so their outcome could only
/// travel back through a side channel; this router reads the payload with the same library's event types (each carries
/// its own JSON converter, which picks the action's type) and returns the outcome instead.
/// </remarks>
public sealed partial class DeliveryRouter(
    ReconcileQueue queue,
    InstallationDirectory installations,
    IInstallationTokens tokens,
    ILogger<DeliveryRouter> logger,
    Discovery? discovery = null,
    Dashboard.RepositoryVisibility? visibility = null)
{
    // Only what can change a process: labels, open/closed, and an edit (of the body, flagged or restarting the vote when it
    // comes after voting opened; a title-only edit costs one reconcile that writes nothing). The rest (assigned, pinned...)
    // changes nothing.
    private static readonly HashSet<string> IssueActions =
        [IssuesActionValue.Labeled, IssuesActionValue.Unlabeled, IssuesActionValue.Closed, IssuesActionValue.Reopened, IssuesActionValue.Opened, IssuesActionValue.Edited];

    // A pull request's process changes with the same things as an issue's; `synchronize` (a push) moves the check to the
    // new head, `opened` lets a pull request that touches protected paths get its failing check at once, and `edited` (its
    // description) is a proposal change as on an issue.
    private static readonly HashSet<string> PullRequestActions =
        [PullRequestActionValue.Labeled, PullRequestActionValue.Unlabeled, PullRequestActionValue.Closed, PullRequestActionValue.Reopened, PullRequestActionValue.Synchronize, PullRequestActionValue.Opened, PullRequestActionValue.Edited];

    /// <summary>Routes one delivery whose signature was checked and whose body is a JSON object.</summary>
    public DeliveryOutcome Route(string eventName, string? deliveryId, ReadOnlySpan<byte> body)
    {
        try
        {
            return eventName switch
            {
                "issues" => Issues(Read<IssuesEvent>(body), deliveryId),
                "issue_comment" => CommentRoute.TryRead(body, out var comment) ? IssueComment(comment, deliveryId) : IssueComment(Read<IssueCommentEvent>(body), deliveryId),
                "pull_request" => PullRequest(Read<PullRequestEvent>(body), deliveryId),
                "check_run" => CheckRun(Read<CheckRunEvent>(body), deliveryId),
                "installation" => Installation(Read<InstallationEvent>(body), deliveryId),
                "installation_repositories" => InstallationRepositories(Read<InstallationRepositoriesEvent>(body), deliveryId),
                "ping" => Ping(Read<PingEvent>(body)),
                _ => DeliveryOutcome.Ignored(eventName, null, "ignored: no handler for this event or action"),
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            // An event or action this version does not know (GitHub adds them over time) is not an error of the sender.
            return DeliveryOutcome.Ignored(eventName, null, $"ignored: {eventName} could not be read by this version ({e.GetType().Name})");
        }
    }

    private DeliveryOutcome Issues(IssuesEvent e, string? deliveryId) =>
        e.Action is { } action && IssueActions.Contains(action)
            ? Enqueue("issues", e, e.Issue.Number, deliveryId)
            : DeliveryOutcome.Ignored("issues", e.Action, $"ignored {Name("issues", e)}");

    /// <summary>A comment on an issue or a pull request (its <c>issue</c> then carries <c>pull_request</c>): the same process either way.</summary>
    private DeliveryOutcome IssueComment(IssueCommentEvent e, string? deliveryId) => Enqueue("issue_comment", e, e.Issue.Number, deliveryId);

    /// <summary>The same, from the fields read without the full model (<see cref="CommentRoute"/>).</summary>
    private DeliveryOutcome IssueComment(CommentRoute c, string? deliveryId) =>
        Enqueue("issue_comment", c.Action, new IssueRef(new RepoRef(c.InstallationId, c.Owner, c.Repository), (int)c.Number), deliveryId);

    private DeliveryOutcome PullRequest(PullRequestEvent e, string? deliveryId) =>
        e.Action is { } action && PullRequestActions.Contains(action)
            ? Enqueue("pull_request", e, e.Number, deliveryId)
            : DeliveryOutcome.Ignored("pull_request", e.Action, $"ignored {Name("pull_request", e)}");

    /// <summary>Someone asked GitHub to re-run our check: reconcile the pull requests it belongs to (the result is the same unless the facts changed).</summary>
    private DeliveryOutcome CheckRun(CheckRunEvent e, string? deliveryId)
    {
        var name = Name("check_run", e);
        if (e.Action != CheckRunActionValue.Rerequested || e.CheckRun.Name != GovernanceBot.Domain.Lifecycle.CheckRunView.Name)
        {
            return DeliveryOutcome.Ignored("check_run", e.Action, $"ignored {name}{(e.Action == CheckRunActionValue.Rerequested ? $" of the check “{e.CheckRun.Name}”: not ours" : "")}");
        }

        var numbers = e.CheckRun.PullRequests.Select(p => p.Number).Distinct().ToList();
        if (numbers.Count == 0)
        {
            return DeliveryOutcome.Ignored("check_run", e.Action, $"ignored {name}: the check run names no pull request");
        }

        var outcomes = numbers.Select(n => Enqueue("check_run", e, n, deliveryId)).ToList();
        return outcomes.FirstOrDefault(o => o.Result == DeliveryResult.Accepted) ?? outcomes[0];
    }

    private DeliveryOutcome Installation(InstallationEvent e, string? deliveryId)
    {
        if (e.Installation?.Id is { } id)
        {
            // Uninstalled: forgotten at once. Anything else (installed, unsuspended, new permissions): searched again.
            if (e.Action == InstallationActionValue.Deleted) discovery?.Forget(id);
            else discovery?.MarkDue(id);
        }

        return Refresh("installation", e, e.Installation?.Id, deliveryId, "installations");
    }

    private DeliveryOutcome InstallationRepositories(InstallationRepositoriesEvent e, string? deliveryId)
    {
        if (e.Installation?.Id is { } id)
        {
            discovery?.ForgetRepositories(id, [.. e.RepositoriesRemoved?.Select(r => r.FullName) ?? []]);
            discovery?.MarkDue(id);
        }

        return Refresh("installation_repositories", e, e.Installation?.Id, deliveryId, "repositories");
    }

    /// <summary>Deleted, suspended, granted new permissions, repositories changed: the cached token and list are wrong in every case.</summary>
    private DeliveryOutcome Refresh(string eventName, WebhookEvent e, long? installationId, string? deliveryId, string whatIsReadAgain)
    {
        var name = Name(eventName, e);
        if (installationId is not { } id)
        {
            return DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {name}: the delivery names no installation");
        }

        installations.Invalidate(id);
        tokens.Forget(id);
        LogInstallation(deliveryId ?? "", id, name);
        return new DeliveryOutcome(eventName, e.Action, DeliveryResult.Accepted, null, $"{name}: its token is dropped and the {whatIsReadAgain} will be read again");
    }

    private static DeliveryOutcome Ping(PingEvent e) => new("ping", e.Action, DeliveryResult.Accepted, null, "pong");

    private DeliveryOutcome Enqueue(string eventName, WebhookEvent e, long number, string? deliveryId)
    {
        var what = Name(eventName, e);
        if (e.Installation is null || e.Repository is null)
        {
            return DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {what}: the delivery names no installation or repository");
        }

        var repo = new RepoRef(e.Installation.Id, e.Repository.Owner.Login, e.Repository.Name);
        visibility?.Record(repo, e.Repository.Private);
        return Enqueue(eventName, e.Action, new IssueRef(repo, (int)number), deliveryId);
    }

    private DeliveryOutcome Enqueue(string eventName, string? action, IssueRef issue, string? deliveryId)
    {
        var what = string.IsNullOrEmpty(action) ? eventName : $"{eventName}.{action}";
        return queue.Enqueue(new ReconcileRequest(issue, deliveryId, ReconcilePriority.Webhook))
            ? new DeliveryOutcome(eventName, action, DeliveryResult.Accepted, issue, $"queued {issue} for {what}")
            : new DeliveryOutcome(eventName, action, DeliveryResult.Duplicate, issue, $"{issue} is already queued ({what})");
    }

    private static T Read<T>(ReadOnlySpan<byte> body)
        where T : WebhookEvent =>
        JsonSerializer.Deserialize<T>(body) ?? throw new JsonException($"the body is not a {typeof(T).Name}");

    private static string Name(string eventName, WebhookEvent e) => string.IsNullOrEmpty(e.Action) ? eventName : $"{eventName}.{e.Action}";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: installation {InstallationId}, {Action}")]
    private partial void LogInstallation(string deliveryId, long installationId, string action);
}
