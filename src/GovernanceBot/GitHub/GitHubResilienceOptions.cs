namespace GovernanceBot.GitHub;

/// <summary>How hard the adapter tries before giving up; the periodic sweep heals whatever is left undone.</summary>
public sealed class GitHubResilienceOptions
{
    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay when GitHub gives no hint; doubles with each attempt.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry. When GitHub asks for a longer one, the call fails instead.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take (measured on the wall clock, see <see cref="GitHubResilienceHandler"/>).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
