namespace GovernanceBot.GitHub;

/// <summary>
/// What the App can reach, for the periodic sweep. Per-repository work then goes through <see cref="IGitHub"/>,
/// which picks the installation from <see cref="RepoRef.InstallationId"/>.
/// </summary>
public interface IGitHubInstallations
{
    /// <summary>Every installation of the App (<c>GET /app/installations</c>, as the App).</summary>
    Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken);

    /// <summary>The repositories the installation was granted (<c>GET /installation/repositories</c>, as the installation).</summary>
    Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken);
}
