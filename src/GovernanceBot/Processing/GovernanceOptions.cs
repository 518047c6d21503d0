namespace GovernanceBot.Processing;

/// <summary>Settings of the <c>Governance</c> section.</summary>
public sealed class GovernanceOptions
{
    public const string SectionName = "Governance";

    /// <summary>How often every open process is reconciled, healing missed webhooks.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each installation is searched for processes the bot has missed (one issue search, plus pages).</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the TSC members' activity is measured for succession (one issue search per member each time).</summary>
    public TimeSpan SuccessionInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The pause between two succession searches: GitHub's search allows 30 requests a minute.</summary>
    public TimeSpan SuccessionSearchPace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many issues are reconciled at once (each issue is still one at a time).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often a failing issue is retried before it is left to the next sweep.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; it doubles with each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This instance's name among replicas; default: the host name and process id.</summary>
    public string? ReplicaId { get; set; }

    /// <summary>How long a replica's claim must survive before it posts (longer than a comment POST takes).</summary>
    public TimeSpan ClaimSettle { get; set; } = TimeSpan.FromSeconds(2);
}
