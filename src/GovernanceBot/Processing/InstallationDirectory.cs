using System.Collections.Concurrent;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The installations of the App and their repositories, cached: read once, then again only after an
/// <c>installation</c> or <c>installation_repositories</c> event says they changed.
/// </summary>
public sealed class InstallationDirectory(IGitHubInstallations github)
{
    private readonly ConcurrentDictionary<long, IReadOnlyList<RepoRef>> _repositories = new();
    private IReadOnlyList<InstallationRef>? _installations;

    public async Task<IReadOnlyList<InstallationRef>> InstallationsAsync(CancellationToken cancellationToken) =>
        _installations ??= await github.ListInstallationsAsync(cancellationToken);

    public async Task<IReadOnlyList<RepoRef>> RepositoriesAsync(long installationId, CancellationToken cancellationToken)
    {
        if (_repositories.TryGetValue(installationId, out var cached)) return cached;
        var repositories = await github.ListRepositoriesAsync(installationId, cancellationToken);
        _repositories[installationId] = repositories;
        return repositories;
    }

    /// <summary>Forget what is known about an installation (and the list of installations): it changed.</summary>
    public void Invalidate(long installationId)
    {
        _installations = null;
        _repositories.TryRemove(installationId, out _);
    }
}
