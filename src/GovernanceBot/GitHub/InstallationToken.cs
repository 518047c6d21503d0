namespace GovernanceBot.GitHub;

/// <summary>An installation access token and when GitHub says it stops working.</summary>
public sealed record InstallationToken(string Token, DateTimeOffset ExpiresAt);
