namespace GovernanceBot.Simulation;

/// <summary>A scenario file that cannot be run, with the line at fault.</summary>
public sealed class ScenarioException(string message) : Exception(message);
