using GovernanceBot.GitHub;
using GovernanceBot.Processing;

namespace GovernanceBot.Tests.Processing;

public sealed class InstallationDirectoryTests
{
    private sealed class CountingInstallations : IGitHubInstallations
    {
        public int InstallationReads { get; private set; }

        public int RepositoryReads { get; private set; }

        public List<string> Repos { get; } = ["one"];

        public Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken)
        {
            InstallationReads++;
            return Task.FromResult<IReadOnlyList<InstallationRef>>([new InstallationRef(7, "acme")]);
        }

        public Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken)
        {
            RepositoryReads++;
            return Task.FromResult<IReadOnlyList<RepoRef>>([.. Repos.Select(r => new RepoRef(installationId, "acme", r))]);
        }
    }

    [Fact]
    public async Task Installations_and_repositories_are_read_once_and_again_after_an_installation_event()
    {
        var github = new CountingInstallations();
        var directory = new InstallationDirectory(github);

        await directory.InstallationsAsync(CancellationToken.None);
        await directory.RepositoriesAsync(7, CancellationToken.None);
        await directory.InstallationsAsync(CancellationToken.None);
        await directory.RepositoriesAsync(7, CancellationToken.None);
        Assert.Equal((1, 1), (github.InstallationReads, github.RepositoryReads));

        github.Repos.Add("two"); // installation_repositories.added
        directory.Invalidate(7);
        var repos = await directory.RepositoriesAsync(7, CancellationToken.None);
        await directory.InstallationsAsync(CancellationToken.None);

        Assert.Equal(["one", "two"], repos.Select(r => r.Name));
        Assert.Equal((2, 2), (github.InstallationReads, github.RepositoryReads));
    }
}
