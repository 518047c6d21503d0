namespace GovernanceBot.Domain.Config;

/// <summary>The configuration as read: valid, or the list of what is wrong.</summary>
public abstract record ConfigResult
{
    private ConfigResult() { }

    /// <param name="Source">where it came from, e.g. ".github/governance.yml" or "defaults".</param>
    public sealed record Valid(GovernancePolicy Policy, string Source) : ConfigResult;

    public sealed record Invalid(IReadOnlyList<ConfigError> Errors, string Source) : ConfigResult;
}
