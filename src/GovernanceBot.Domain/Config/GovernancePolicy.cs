namespace GovernanceBot.Domain.Config;

/// <summary>The typed, validated <c>.github/governance.yml</c>.</summary>
public sealed record GovernancePolicy(TscSource Tsc, IReadOnlyList<ProcessProfile> Processes)
{
    public static IReadOnlyList<string> DefaultTriggerLabels { get; } = ["rfc", "governance-amendment"];

    public static GovernancePolicy Default { get; } = new(
        TscSource.DefaultTeam,
        [.. DefaultTriggerLabels.Select(l => new ProcessProfile(l, ProcessProfile.DefaultDiscussion, ProcessProfile.DefaultVoting, VotingRules.Default))]);

    /// <summary>The profile for a trigger label; GitHub label names compare case-insensitively.</summary>
    public ProcessProfile? ProfileFor(string label) =>
        Processes.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>pull_requests.require</c>: the votes a pull request needs by the paths it changes (empty: none).</summary>
    public IReadOnlyList<PathRequirement> Required { get; init; } = [];

    /// <summary><c>tsc.emeritus</c>: former members, listed but never in the electorate.</summary>
    public IReadOnlyList<string> Emeritus { get; init; } = [];

    /// <summary><c>succession</c>: read from the owner's configuration only; null when not set.</summary>
    public SuccessionSettings? Succession { get; init; }

    /// <summary>True when <paramref name="login"/> is listed in <c>tsc.emeritus</c> (GitHub logins compare case-insensitively).</summary>
    public bool IsEmeritus(string login) => Emeritus.Contains(login, StringComparer.OrdinalIgnoreCase);

    /// <summary>The trigger labels whose vote a pull request changing <paramref name="paths"/> needs, in the order configured.</summary>
    public IReadOnlyList<string> RequiredLabels(IEnumerable<string> paths)
    {
        var list = paths as IReadOnlyCollection<string> ?? [.. paths];
        return [.. Required.Where(r => r.FirstMatch(list) is not null).Select(r => r.Label)];
    }
}
