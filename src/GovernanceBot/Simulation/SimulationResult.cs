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

    /// <summary>The issue is still open at the end (<c>on_decided.close</c> may have closed it).</summary>
    public bool IssueOpen { get; init; } = true;

    /// <summary>The issue's conversation is locked at the end (<c>on_decided.lock</c>).</summary>
    public bool IssueLocked { get; init; }

    /// <summary>What the bot posted on the issues <c>on_decided.announce</c> names, as "owner/repo#N: body".</summary>
    public IReadOnlyList<string> Announcements { get; init; } = [];

    /// <summary>On a pull request, the <c>governance</c> check on its head at the end (null: none).</summary>
    public GitHub.CheckRunSnapshot? Check { get; init; }
}
