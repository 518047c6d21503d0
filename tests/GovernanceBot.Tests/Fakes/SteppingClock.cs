using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// A fake clock on which every wait is over at once: time jumps forward by the wait, which is recorded, so a test
/// can assert that the adapter waited as long as GitHub asked without waiting itself.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider inner = new(start);
    private readonly ConcurrentQueue<TimeSpan> waits = new();

    public SteppingClock()
        : this(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every wait the code asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. waits];

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => inner.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            waits.Enqueue(dueTime);

            // After the caller holds the timer: firing inside CreateTimer would run its callback before it is set up.
            ThreadPool.QueueUserWorkItem(_ => inner.Advance(dueTime));
        }

        return timer;
    }
}
