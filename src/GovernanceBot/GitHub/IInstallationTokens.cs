namespace GovernanceBot.GitHub;

/// <summary>The cached installation tokens, as the webhook side sees them: it only ever tells the cache to let one go.</summary>
public interface IInstallationTokens
{
    /// <summary>Drops the installation's cached token at once (the installation was removed, suspended or changed).</summary>
    void Forget(long installationId);
}
