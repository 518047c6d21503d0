using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.Installation;
using Octokit.Webhooks.Events.InstallationRepositories;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.Issues;

namespace GovernanceBot.Webhooks;

/// <summary>
/// Turns a parsed delivery into work: "reconcile this issue", or "refresh what the App can reach". It never calls
/// GitHub, so the endpoint can answer at once.
/// </summary>
public sealed partial class GovernanceWebhookProcessor(
    ReconcileQueue queue,
    InstallationDirectory installations,
    IInstallationTokens tokens,
    ILogger<GovernanceWebhookProcessor> logger)
    : WebhookEventProcessor
{
    /// <summary>What a delivery was turned into, for the endpoint's answer and its log line.</summary>
    public sealed class Outcome
    {
        public string Value { get; set; } = "ignored: no handler for this event or action";
    }

    // The endpoint installs a fresh holder per delivery; the handlers below fill it in.
    private static readonly AsyncLocal<Outcome?> Holder = new();

    public static Outcome BeginDelivery() => Holder.Value = new Outcome();

    private static void Say(string what)
    {
        if (Holder.Value is { } outcome) outcome.Value = what;
    }

    protected override ValueTask ProcessIssuesWebhookAsync(WebhookHeaders headers, IssuesEvent issuesEvent, IssuesAction action, CancellationToken cancellationToken)
    {
        // Only what can change a process: labels, open/closed. The rest (edited, assigned, pinned...) changes nothing.
        if (action == IssuesAction.Labeled || action == IssuesAction.Unlabeled || action == IssuesAction.Closed || action == IssuesAction.Reopened || action == IssuesAction.Opened)
        {
            Enqueue(headers, issuesEvent, issuesEvent.Issue.Number, Name("issues", issuesEvent));
        }
        else
        {
            Say($"ignored {Name("issues", issuesEvent)}");
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask ProcessIssueCommentWebhookAsync(WebhookHeaders headers, IssueCommentEvent issueCommentEvent, IssueCommentAction action, CancellationToken cancellationToken)
    {
        if (issueCommentEvent.Issue.PullRequest is not null)
        {
            Say("ignored a pull request comment");
            return ValueTask.CompletedTask;
        }

        Enqueue(headers, issueCommentEvent, issueCommentEvent.Issue.Number, Name("issue_comment", issueCommentEvent));
        return ValueTask.CompletedTask;
    }

    protected override ValueTask ProcessInstallationWebhookAsync(WebhookHeaders headers, InstallationEvent installationEvent, InstallationAction action, CancellationToken cancellationToken)
    {
        // Deleted, suspended, or granted new permissions: the cached token is wrong in every case, and so is the list.
        var id = installationEvent.Installation.Id;
        installations.Invalidate(id);
        tokens.Forget(id);
        var name = Name("installation", installationEvent);
        Say($"{name}: its token is dropped and the installations will be read again");
        LogInstallation(headers.Delivery ?? "", id, name);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask ProcessInstallationRepositoriesWebhookAsync(WebhookHeaders headers, InstallationRepositoriesEvent installationRepositoriesEvent, InstallationRepositoriesAction action, CancellationToken cancellationToken)
    {
        var id = installationRepositoriesEvent.Installation.Id;
        installations.Invalidate(id);
        tokens.Forget(id);
        var name = Name("installation_repositories", installationRepositoriesEvent);
        Say($"{name}: its token is dropped and the repositories will be read again");
        LogInstallation(headers.Delivery ?? "", id, name);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask ProcessPingWebhookAsync(WebhookHeaders headers, PingEvent pingEvent, CancellationToken cancellationToken)
    {
        Say("pong");
        return ValueTask.CompletedTask;
    }

    private void Enqueue(WebhookHeaders headers, WebhookEvent e, long number, string what)
    {
        if (e.Installation is null || e.Repository is null)
        {
            Say($"ignored {what}: the delivery names no installation or repository");
            return;
        }

        var issue = new IssueRef(new RepoRef(e.Installation.Id, e.Repository.Owner.Login, e.Repository.Name), (int)number);
        var accepted = queue.Enqueue(new ReconcileRequest(issue, headers.Delivery, ReconcilePriority.Webhook));
        Say(accepted ? $"queued {issue} for {what}" : $"{issue} is already queued ({what})");
    }

    /// <summary>The event and its action as GitHub writes them: <c>issues.labeled</c>, <c>installation.new_permissions_accepted</c>.</summary>
    private static string Name(string eventName, WebhookEvent e) => string.IsNullOrEmpty(e.Action) ? eventName : $"{eventName}.{e.Action}";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: installation {InstallationId}, {Action}")]
    private partial void LogInstallation(string deliveryId, long installationId, string action);
}
