namespace GovernanceBot.Processing;

/// <summary>Webhook work goes before sweep work when both wait.</summary>
public enum ReconcilePriority
{
    Webhook,
    Timer,
    Sweep,
}
