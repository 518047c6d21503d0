using System.Collections.Concurrent;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;

namespace GovernanceBot.Dashboard;

/// <summary>
/// The last recorded state of each process, in memory only, updated after every reconcile: a page view reads it and
/// never calls GitHub. Decided processes are kept for 90 days; after a restart they come back only as the bot sees
/// their issues again (open ones are found again by discovery).
/// </summary>
public sealed class DashboardStore(TimeProvider time, RepositoryVisibility visibility)
{
    private sealed record Entry(IssueRef Issue, string Title, bool IsPullRequest, IReadOnlyList<Round> Rounds);

    private readonly ConcurrentDictionary<IssueRef, Entry> _entries = new();

    /// <summary>Records what a reconcile found; an issue gone or without a process is forgotten.</summary>
    public void Observe(ReconcileResult result)
    {
        if (result.Decision is not { Rounds.Count: > 0 } decision || result.Title is null)
        {
            _entries.TryRemove(result.Issue, out _);
            return;
        }

        _entries[result.Issue] = new Entry(result.Issue, result.Title, result.IsPullRequest, decision.Rounds);
        Prune();
    }

    /// <summary>Every recorded process, with its repository's visibility as known now.</summary>
    public IReadOnlyList<DashboardProcess> Snapshot()
    {
        Prune();
        return [.. _entries.Values.Select(e => new DashboardProcess(
            e.Issue.Repo.ToString(), e.Issue.Number, e.Title, Url(e), !visibility.IsPublic(e.Issue.Repo), e.Rounds[^1]) { History = e.Rounds })];
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - DashboardView.DecidedWindow;
        foreach (var (issue, entry) in _entries)
        {
            if (entry.Rounds[^1].EndedAt is { } end && end < cutoff) _entries.TryRemove(issue, out _);
        }
    }

    private static string Url(Entry e) =>
        $"https://github.com/{Uri.EscapeDataString(e.Issue.Repo.Owner)}/{Uri.EscapeDataString(e.Issue.Repo.Name)}/{(e.IsPullRequest ? "pull" : "issues")}/{e.Issue.Number}";
}
