using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Simulation;

/// <summary>The end state of a simulation.</summary>
public sealed record SimulationResult(
    IReadOnlyList<SimulationEvent> Events,
    string? Outcome,
    IReadOnlyList<string> Labels,
    Domain.Voting.TallySummary? Tally,
    int TscSize,
    QuorumRule Quorum,
    IReadOnlyList<CommentFact> Comments,
    string? StatusComment,
    ConfigResult? Config = null)
{
    /// <summary>True when the scenario's issue is a pull request.</summary>
    public bool PullRequest { get; init; }

    /// <summary>On a pull request, the <c>governance</c> check on its head at the end (null: none).</summary>
    public GitHub.CheckRunSnapshot? Check { get; init; }
}
