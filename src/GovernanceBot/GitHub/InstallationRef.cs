namespace GovernanceBot.GitHub;

/// <summary>An installation of the App: on an organisation's or a user's account.</summary>
/// <param name="IsUser">The account is a user, not an organisation: searches name it with <c>user:</c>, not <c>org:</c>.</param>
public sealed record InstallationRef(long Id, string Account, bool IsUser = false);
