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
}
