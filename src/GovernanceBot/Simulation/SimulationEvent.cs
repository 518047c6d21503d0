using GovernanceBot.Domain.Config;

namespace GovernanceBot.Simulation;

/// <summary>What happened at one moment of a simulation: the person's action (if any) and what the bot did.</summary>
/// <param name="What">the person's action, or the deadline reached ("discussion ends", "voting ends"), or "until".</param>
/// <param name="Tally">the binding tally after the bot looked, while there is one (from voting on).</param>
/// <param name="Vote">the vote this step cast, such as "+1", when its comment holds one.</param>
/// <param name="By">who acted, for a person's step; null for a deadline.</param>
/// <param name="ConfigRead">the configuration as the bot read it at this step, when it was read for the first time or had changed.</param>
/// <param name="Check">on a pull request, the <c>governance</c> check on its head after the bot looked (null: none there).</param>
public sealed record SimulationEvent(
    DateTimeOffset At,
    TimeSpan Offset,
    string What,
    IReadOnlyList<string> BotChanges,
    string? Outcome,
    Domain.Voting.TallySummary? Tally = null,
    string? Vote = null,
    ConfigResult? ConfigRead = null,
    string? By = null,
    GitHub.CheckRunSnapshot? Check = null);
