namespace GovernanceBot.Tests.Fakes;

/// <summary>An entry of an issue's event log: labeled, unlabeled, closed or reopened.</summary>
public sealed record FakeEvent(long Id, string Kind, string? Label, string Actor, DateTimeOffset At);
