namespace GovernanceBot.Processing;

/// <summary>Exponential backoff: the first delay, then twice it, four times it, ... for attempts 1, 2, 3, ...</summary>
public static class Backoff
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (from 1), never longer than <paramref name="max"/> when
    /// one is given. Attempts below 1 count as the first.
    /// </summary>
    public static TimeSpan Exponential(TimeSpan first, int attempt, TimeSpan? max = null)
    {
        var factor = Math.Pow(2, Math.Max(attempt - 1, 0));
        return max is { } cap
            ? TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks))
            : first * factor;
    }
}
