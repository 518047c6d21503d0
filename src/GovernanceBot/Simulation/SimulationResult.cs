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
    ConfigResult? Config = null);
