namespace GovernanceBot.GitHub;

internal sealed class GitHubInstallations(GitHubConnections connections) : IGitHubInstallations
{
    public async Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken)
    {
        var installations = await connections.Rest.GetAllAsync(connections.App, "app/installations", GitHubJson.Default.ListGitHubInstallation, cancellationToken);
        return [.. installations.Select(i => new InstallationRef(i.Id, i.Account?.Login ?? "", i.Account?.Type == "User"))];
    }

    public async Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken)
    {
        var repositories = await connections.Rest.GetAllAsync(
            connections.ForInstallation(installationId), "installation/repositories", GitHubJson.Default.GitHubRepositoryPage, page => page.Repositories ?? [], cancellationToken);
        return [.. repositories.Select(r => new RepoRef(installationId, r.Owner?.Login ?? "", r.Name))];
    }
}
