using GovernanceBot.GitHub;

namespace GovernanceBot.Webhooks;

/// <summary>
/// What one verified delivery was turned into, as a value: the event and action as GitHub writes them, the issue it asked
/// to reconcile (if any), whether it was taken, and the sentence the endpoint answers with and logs.
/// </summary>
public sealed record DeliveryOutcome(string Event, string? Action, DeliveryResult Result, IssueRef? Issue, string Answer)
{
    /// <summary>The event and its action as GitHub writes them: <c>issues.labeled</c>, <c>installation.new_permissions_accepted</c>.</summary>
    public string Name => string.IsNullOrEmpty(Action) ? Event : $"{Event}.{Action}";

    public static DeliveryOutcome Ignored(string @event, string? action, string answer) => new(@event, action, DeliveryResult.Ignored, null, answer);
}
