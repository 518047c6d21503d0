using System.Collections.Concurrent;
using GovernanceBot.GitHub;

namespace GovernanceBot.Dashboard;

/// <summary>
/// Which repositories are public, as webhook payloads say (<c>repository.private</c>). A repository never seen in a
/// payload counts as private: the dashboard shows it only to whoever presents the access token.
/// </summary>
public sealed class RepositoryVisibility
{
    private readonly ConcurrentDictionary<(long, string), bool> _private = new();

    public void Record(RepoRef repo, bool isPrivate) => _private[Key(repo)] = isPrivate;

    public bool IsPublic(RepoRef repo) => _private.TryGetValue(Key(repo), out var isPrivate) && !isPrivate;

    private static (long, string) Key(RepoRef repo) => (repo.InstallationId, repo.ToString().ToLowerInvariant());
}
