namespace GovernanceBot.Simulation;

/// <summary>A clock that only moves when told to: the simulation's time.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset t)
    {
        if (t < _now) throw new InvalidOperationException($"the clock cannot go back from {_now:u} to {t:u}");
        _now = t;
    }
}
