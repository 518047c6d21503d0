namespace GovernanceBot.Processing;

/// <summary>
/// What waits goes in this order: a transition due now (a deadline passing), then webhook work, then the cosmetic
/// "time left" refresh of a status comment, then the sweep. Within a priority, the earliest due goes first.
/// </summary>
public enum ReconcilePriority
{
    /// <summary>A timer for a process's next deadline, or a retry of failed work: its phase changes now.</summary>
    Deadline,

    /// <summary>Someone did something on GitHub.</summary>
    Webhook,

    /// <summary>A timer for the moment a status comment's "time left" text changes: nothing else does.</summary>
    Refresh,

    /// <summary>The periodic sweep, catching what was missed.</summary>
    Sweep,
}
