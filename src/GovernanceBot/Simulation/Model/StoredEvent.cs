namespace GovernanceBot.Simulation.Model;

/// <summary>An entry of an issue's event log, named as GitHub's REST names it: labeled, unlabeled, closed or reopened.</summary>
internal sealed record StoredEvent(long Id, string Kind, string? Label, string Actor, DateTimeOffset At);
