using GovernanceBot.GitHub;
using GovernanceBot.Processing;

namespace GovernanceBot.Webhooks;

/// <summary>
/// Turns a verified delivery into work: "reconcile this issue or pull request", or "refresh what the App can reach", and returns what it
/// did as a <see cref="DeliveryOutcome"/>. It never calls GitHub, so the endpoint can answer at once.
/// </summary>
/// <remarks>
/// The payload is read once into <see cref="DeliveryFields"/>, only what routing needs; no event model is built.
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
    private static readonly HashSet<string> IssueActions = ["labeled", "unlabeled", "closed", "reopened", "opened", "edited"];

    // A pull request's process changes with the same things as an issue's; `synchronize` (a push) moves the check to the
    // new head, `opened` lets a pull request that touches protected paths get its failing check at once, and `edited` (its
    // description) is a proposal change as on an issue.
    private static readonly HashSet<string> PullRequestActions = ["labeled", "unlabeled", "closed", "reopened", "synchronize", "opened", "edited"];

    /// <summary>Routes one verified delivery from what <see cref="DeliveryFields.Read"/> found in it (the endpoint reads it once, to check and route).</summary>
    public DeliveryOutcome Route(string eventName, string? deliveryId, DeliveryReading reading)
    {
        if (eventName is not ("issues" or "issue_comment" or "pull_request" or "check_run" or "installation" or "installation_repositories" or "ping"))
        {
            return DeliveryOutcome.Ignored(eventName, null, "ignored: no handler for this event or action");
        }

        var e = reading.Fields;
        if (reading.Malformed || reading.Problem is not null)
        {
            // Signed by GitHub, yet not of the shape this version knows: acknowledged (GitHub would only send it again) and said why.
            return DeliveryOutcome.Ignored(eventName, null, $"ignored: {eventName} could not be read by this version ({reading.Problem ?? "the JSON is malformed"})");
        }

        return eventName switch
        {
            "issues" => e.Action is { } action && IssueActions.Contains(action)
                ? Enqueue(eventName, e, e.IssueNumber, deliveryId)
                : DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {Name(eventName, e)}"),

            // A comment on an issue or a pull request (its `issue` then carries `pull_request`): the same process either way.
            "issue_comment" => Enqueue(eventName, e, e.IssueNumber, deliveryId),
            "pull_request" => e.Action is { } action && PullRequestActions.Contains(action)
                ? Enqueue(eventName, e, e.PullRequestNumber, deliveryId)
                : DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {Name(eventName, e)}"),
            "check_run" => CheckRun(e, deliveryId),
            "installation" => Installation(e, deliveryId),
            "installation_repositories" => InstallationRepositories(e, deliveryId),
            _ => new DeliveryOutcome(eventName, e.Action, DeliveryResult.Accepted, null, "pong"),
        };
    }

    /// <summary>Someone asked GitHub to re-run our check: reconcile the pull requests it belongs to (the result is the same unless the facts changed).</summary>
    private DeliveryOutcome CheckRun(DeliveryFields e, string? deliveryId)
    {
        var name = Name("check_run", e);
        if (e.Action != "rerequested" || e.CheckRunName != GovernanceBot.Domain.Lifecycle.CheckRunView.Name)
        {
            return DeliveryOutcome.Ignored("check_run", e.Action, $"ignored {name}{(e.Action == "rerequested" ? $" of the check “{e.CheckRunName}”: not ours" : "")}");
        }

        var numbers = e.CheckRunPullRequests.Distinct().ToList();
        if (numbers.Count == 0)
        {
            return DeliveryOutcome.Ignored("check_run", e.Action, $"ignored {name}: the check run names no pull request");
        }

        var outcomes = numbers.Select(n => Enqueue("check_run", e, n, deliveryId)).ToList();
        return outcomes.FirstOrDefault(o => o.Result == DeliveryResult.Accepted) ?? outcomes[0];
    }

    private DeliveryOutcome Installation(DeliveryFields e, string? deliveryId)
    {
        if (e.InstallationId is { } id)
        {
            // Uninstalled: forgotten at once. Anything else (installed, unsuspended, new permissions): searched again.
            if (e.Action == "deleted") discovery?.Forget(id);
            else discovery?.MarkDue(id);
        }

        return Refresh("installation", e, deliveryId, "installations");
    }

    private DeliveryOutcome InstallationRepositories(DeliveryFields e, string? deliveryId)
    {
        if (e.InstallationId is { } id)
        {
            discovery?.ForgetRepositories(id, [.. e.RepositoriesRemoved]);
            discovery?.MarkDue(id);
        }

        return Refresh("installation_repositories", e, deliveryId, "repositories");
    }

    /// <summary>Deleted, suspended, granted new permissions, repositories changed: the cached token and list are wrong in every case.</summary>
    private DeliveryOutcome Refresh(string eventName, DeliveryFields e, string? deliveryId, string whatIsReadAgain)
    {
        var name = Name(eventName, e);
        if (e.InstallationId is not { } id)
        {
            return DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {name}: the delivery names no installation");
        }

        installations.Invalidate(id);
        tokens.Forget(id);
        LogInstallation(deliveryId ?? "", id, name);
        return new DeliveryOutcome(eventName, e.Action, DeliveryResult.Accepted, null, $"{name}: its token is dropped and the {whatIsReadAgain} will be read again");
    }

    private DeliveryOutcome Enqueue(string eventName, DeliveryFields e, long? number, string? deliveryId)
    {
        var what = Name(eventName, e);
        if (e.InstallationId is not { } installation || e.Owner is null || e.Repository is null)
        {
            return DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {what}: the delivery names no installation or repository");
        }

        if (number is not { } n || n is <= 0 or > int.MaxValue)
        {
            return DeliveryOutcome.Ignored(eventName, e.Action, $"ignored {what}: the delivery names no issue or pull request");
        }

        var repo = new RepoRef(installation, e.Owner, e.Repository);
        if (e.RepositoryPrivate is { } isPrivate) visibility?.Record(repo, isPrivate);
        var issue = new IssueRef(repo, (int)n);
        return queue.Enqueue(new ReconcileRequest(issue, deliveryId, ReconcilePriority.Webhook))
            ? new DeliveryOutcome(eventName, e.Action, DeliveryResult.Accepted, issue, $"queued {issue} for {what}")
            : new DeliveryOutcome(eventName, e.Action, DeliveryResult.Duplicate, issue, $"{issue} is already queued ({what})");
    }

    private static string Name(string eventName, DeliveryFields e) => string.IsNullOrEmpty(e.Action) ? eventName : $"{eventName}.{e.Action}";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: installation {InstallationId}, {Action}")]
    private partial void LogInstallation(string deliveryId, long installationId, string action);
}
