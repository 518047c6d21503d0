using System.Collections.Concurrent;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The open processes the bot knows of, per installation, in memory only (GitHub stays the one store: discovery rebuilds
/// it at start). A reconcile that finds a running process adds its issue; one that finds the process final, or the issue
/// closed or gone, removes it. Issues from webhooks and discovery are candidates until their reconcile says which.
/// </summary>
public sealed class ProcessIndex
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<IssueRef, byte>> _open = new();

    /// <summary>How many open processes are known, over all installations.</summary>
    public int Count => _open.Values.Sum(issues => issues.Count);

    /// <summary>The known open processes of every installation, in a stable order.</summary>
    public IReadOnlyList<IssueRef> All() =>
        [.. _open.Values.SelectMany(issues => issues.Keys).OrderBy(i => i.Repo.InstallationId).ThenBy(i => i.Repo.ToString(), StringComparer.Ordinal).ThenBy(i => i.Number)];

    /// <summary>The known open processes of one installation.</summary>
    public IReadOnlyList<IssueRef> Of(long installationId) =>
        _open.TryGetValue(installationId, out var issues) ? [.. issues.Keys.OrderBy(i => i.Repo.ToString(), StringComparer.Ordinal).ThenBy(i => i.Number)] : [];

    public bool Contains(IssueRef issue) => _open.TryGetValue(issue.Repo.InstallationId, out var issues) && issues.ContainsKey(issue);

    public void Add(IssueRef issue) => _open.GetOrAdd(issue.Repo.InstallationId, _ => new()).TryAdd(issue, 0);

    public void Remove(IssueRef issue)
    {
        if (_open.TryGetValue(issue.Repo.InstallationId, out var issues)) issues.TryRemove(issue, out _);
    }

    /// <summary>The installations with at least one known process.</summary>
    public IReadOnlyList<long> Installations => [.. _open.Where(p => !p.Value.IsEmpty).Select(p => p.Key)];

    /// <summary>Forgets the processes of repositories the installation no longer reaches (removed from it).</summary>
    public void ForgetRepositories(long installationId, IEnumerable<string> fullNames)
    {
        if (!_open.TryGetValue(installationId, out var issues)) return;
        var removed = fullNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var issue in issues.Keys.Where(i => removed.Contains(i.Repo.ToString()))) issues.TryRemove(issue, out _);
    }

    /// <summary>Forgets an installation's processes (the App was uninstalled there).</summary>
    public void Forget(long installationId) => _open.TryRemove(installationId, out _);

    /// <summary>Records what a reconcile found: a running process stays known, anything else (final, closed, gone, never started) is dropped.</summary>
    public void Observe(ReconcileResult result)
    {
        if (IsRunning(result.Decision)) Add(result.Issue);
        else Remove(result.Issue);
    }

    /// <summary>True when the decision leaves the issue in a running phase (awaiting its nominee, discussion or voting).</summary>
    public static bool IsRunning(Decision? decision) =>
        decision is not null && decision.PhaseLabels.Any(l => PhaseLabels.Running.Contains(l, StringComparer.OrdinalIgnoreCase));
}
