using System.Collections.Concurrent;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// Between sweeps, the bot knows when each process it has seen next changes by time alone, and reconciles that issue at
/// that moment: a phase changes within seconds of its deadline, not at the next sweep. Timers run on the injected
/// <see cref="TimeProvider"/>, so tests move a fake clock.
/// </summary>
public sealed class DeadlineTimers(ReconcileQueue queue, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<IssueRef, (DateTimeOffset At, ITimer Timer)> _timers = new();

    /// <summary>Reconcile <paramref name="issue"/> at <paramref name="at"/> (replacing any earlier plan for it); null cancels.</summary>
    public void Schedule(IssueRef issue, DateTimeOffset? at)
    {
        if (at is null)
        {
            if (_timers.TryRemove(issue, out var old)) old.Timer.Dispose();
            return;
        }

        var due = at.Value - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var timer = time.CreateTimer(_ => Fire(issue, at.Value), null, due, Timeout.InfiniteTimeSpan);
        _timers.AddOrUpdate(issue, (at.Value, timer), (_, previous) =>
        {
            previous.Timer.Dispose();
            return (at.Value, timer);
        });
    }

    private void Fire(IssueRef issue, DateTimeOffset at)
    {
        if (_timers.TryGetValue(issue, out var entry) && entry.At == at && _timers.TryRemove(new KeyValuePair<IssueRef, (DateTimeOffset, ITimer)>(issue, entry)))
        {
            entry.Timer.Dispose();
        }

        queue.Enqueue(new ReconcileRequest(issue, null, ReconcilePriority.Timer));
    }

    public void Dispose()
    {
        foreach (var (_, entry) in _timers) entry.Timer.Dispose();
        _timers.Clear();
    }
}
