namespace GovernanceBot.GitHub;

/// <summary>An installation of the App: on an organisation's or a user's account.</summary>
public sealed record InstallationRef(long Id, string Account);
