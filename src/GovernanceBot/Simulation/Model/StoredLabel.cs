namespace GovernanceBot.Simulation.Model;

/// <summary>A label defined in a repository.</summary>
internal sealed record StoredLabel(long Id, string Name, string Color, string? Description);
