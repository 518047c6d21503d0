namespace GovernanceBot.Tests.Fakes;

/// <summary>One revision of a comment: when, who (as GraphQL names them) and its whole text.</summary>
public sealed record FakeRevision(DateTimeOffset At, string Editor, bool EditorIsBot, string Body);
