namespace GovernanceBot.Tests.Fakes;

/// <summary>A label defined in a repository.</summary>
public sealed record FakeLabel(long Id, string Name, string Color, string? Description);
