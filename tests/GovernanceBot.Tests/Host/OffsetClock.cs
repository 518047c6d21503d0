namespace GovernanceBot.Tests.Host;

/// <summary>Real time, shifted to start at a chosen moment: waits really wait (short retry delays), deadlines far away never come.</summary>
public sealed class OffsetClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}
