namespace GovernanceBot.Tests.Fakes;

/// <summary>A comment as the fake holds it.</summary>
public sealed record FakeComment(long Id, string Repo, int Number, string Author, bool IsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
