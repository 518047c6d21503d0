namespace GovernanceBot.Tests.Fakes;

/// <summary>One request as the fake received it (path with segments unescaped).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Body, string? Authorization, string? ContentType);
