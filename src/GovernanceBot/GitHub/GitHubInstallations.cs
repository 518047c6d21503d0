using Octokit;

namespace GovernanceBot.GitHub;

internal sealed class GitHubInstallations(GitHubConnections connections) : IGitHubInstallations
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    public async Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken)
    {
        var installations = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => connections.App.GitHubApps.GetAllInstallationsForCurrent(AllPages));
        return installations.Select(i => new InstallationRef(i.Id, i.Account?.Login ?? "", i.Account?.Type == AccountType.User)).ToList();
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
