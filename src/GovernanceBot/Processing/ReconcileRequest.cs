using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// "Reconcile this issue", with the delivery that asked for it (for the logs), how urgent it is and, for a timer, the
/// moment it was due (the earliest due goes first within a priority).
/// </summary>
public sealed record ReconcileRequest(IssueRef Issue, string? DeliveryId, ReconcilePriority Priority, DateTimeOffset? Due = null)
{
    /// <summary>Whether this request goes before <paramref name="other"/>: higher priority, then earlier due.</summary>
    public bool GoesBefore(ReconcileRequest other) =>
        Priority != other.Priority ? Priority < other.Priority : (Due ?? DateTimeOffset.MinValue) < (other.Due ?? DateTimeOffset.MinValue);
}
