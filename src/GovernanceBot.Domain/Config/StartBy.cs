namespace GovernanceBot.Domain.Config;

/// <summary>Who may start a process by applying its trigger label (<c>start_by</c>).</summary>
public enum StartBy
{
    /// <summary><c>anyone</c>: whoever can apply the label (the default).</summary>
    Anyone,

    /// <summary><c>tsc</c>: only a TSC member; the label applied by anyone else starts nothing.</summary>
    Tsc,
}
