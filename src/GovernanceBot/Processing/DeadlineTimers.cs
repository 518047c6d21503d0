using System.Collections.Concurrent;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// Between sweeps, the bot knows when each process it has seen next changes by time alone, and reconciles that issue at
/// that moment: a phase changes within seconds of its deadline, not at the next sweep. Timers run on the injected
/// <see cref="TimeProvider"/>, so tests move a fake clock. A timer for a deadline queues its issue as a
/// <see cref="ReconcilePriority.Deadline"/> (ahead of webhooks), one for a "time left" refresh as a
/// <see cref="ReconcilePriority.Refresh"/> (behind them), each with the moment it was due.
/// </summary>
public sealed class DeadlineTimers(ReconcileQueue queue, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<IssueRef, (DateTimeOffset At, ITimer Timer)> _timers = new();

    // Each issue's next deadline, also while its next wake-up is an earlier "time left" refresh: whatever reconciles the
    // issue once the deadline has passed (that refresh, a sweep) does the transition, so it must go as a deadline does.
    private readonly ConcurrentDictionary<IssueRef, DateTimeOffset> _deadlines = new();

    /// <summary>Plans the next reconcile of <paramref name="result"/>'s issue: at its next deadline or its next refresh, whichever comes first.</summary>
    public void Schedule(ReconcileResult result)
    {
        var deadlineFirst = result.NextDeadline is { } deadline && (result.RefreshAt is not { } refresh || deadline <= refresh);
        if (result.NextDeadline is { } next) _deadlines[result.Issue] = next;
        else _deadlines.TryRemove(result.Issue, out _);
        Schedule(result.Issue, result.WakeAt, deadlineFirst ? ReconcilePriority.Deadline : ReconcilePriority.Refresh);
    }

    /// <summary>Reconcile <paramref name="issue"/> at <paramref name="at"/> with <paramref name="priority"/> (replacing any earlier plan for it); null cancels.</summary>
    public void Schedule(IssueRef issue, DateTimeOffset? at, ReconcilePriority priority)
    {
        if (at is null)
        {
            if (_timers.TryRemove(issue, out var old)) old.Timer.Dispose();
            return;
        }

        var due = at.Value - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var timer = time.CreateTimer(_ => Fire(issue, at.Value, priority), null, due, Timeout.InfiniteTimeSpan);
        _timers.AddOrUpdate(issue, (at.Value, timer), (_, previous) =>
        {
            previous.Timer.Dispose();
            return (at.Value, timer);
        });
    }

    /// <summary>
    /// The issue is no longer the bot's (its installation or repository is gone): no timer, and no deadline remembered for it.
    /// </summary>
    public void Cancel(IssueRef issue)
    {
        Schedule(issue, null, ReconcilePriority.Sweep);
        _deadlines.TryRemove(issue, out _);
    }

    private void Fire(IssueRef issue, DateTimeOffset at, ReconcilePriority priority)
    {
        if (_timers.TryGetValue(issue, out var entry) && entry.At == at && _timers.TryRemove(new KeyValuePair<IssueRef, (DateTimeOffset, ITimer)>(issue, entry)))
        {
            entry.Timer.Dispose();
        }

        queue.Enqueue(Urgent(new ReconcileRequest(issue, null, priority, at)));
    }

    /// <summary>
    /// <paramref name="request"/> as a <see cref="ReconcilePriority.Deadline"/> due at the issue's deadline when that
    /// deadline has passed (a sweep or a refresh that would do the transition goes in deadline order); else unchanged.
    /// </summary>
    public ReconcileRequest Urgent(ReconcileRequest request) =>
        request.Priority > ReconcilePriority.Deadline && _deadlines.TryGetValue(request.Issue, out var deadline) && deadline <= time.GetUtcNow()
            ? request with { Priority = ReconcilePriority.Deadline, Due = deadline }
            : request;

    public void Dispose()
    {
        foreach (var (_, entry) in _timers) entry.Timer.Dispose();
        _timers.Clear();
        _deadlines.Clear();
    }
}
