namespace GovernanceBot.Tests.Host;

/// <summary>Real time, shifted to start at a chosen moment: waits really wait (short retry delays), deadlines far away never come.</summary>
public sealed class OffsetClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - TimeProvider.System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Jumps ahead, as if the bot had been idle that long; timers already set do not fire earlier (send a delivery or sweep).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
