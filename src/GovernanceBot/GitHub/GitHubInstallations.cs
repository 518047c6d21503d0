using Octokit;

namespace GovernanceBot.GitHub;

/// <summary>An installation of the App: on an organisation's or a user's account.</summary>
public sealed record InstallationRef(long Id, string Account);

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

internal sealed class GitHubInstallations(GitHubConnections connections) : IGitHubInstallations
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    public async Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken)
    {
        var installations = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => connections.App.GitHubApps.GetAllInstallationsForCurrent(AllPages));
        return installations.Select(i => new InstallationRef(i.Id, i.Account?.Login ?? "")).ToList();
    }

    public async Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken)
    {
        var client = connections.ForInstallation(installationId);
        var response = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => client.GitHubApps.Installation.GetAllRepositoriesForCurrent(AllPages));
        return response.Repositories.Select(r => new RepoRef(installationId, r.Owner.Login, r.Name)).ToList();
    }
}
