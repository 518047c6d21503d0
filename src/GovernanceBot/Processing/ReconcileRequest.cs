using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>"Reconcile this issue", with the delivery that asked for it (for the logs).</summary>
public sealed record ReconcileRequest(IssueRef Issue, string? DeliveryId, ReconcilePriority Priority);
