namespace GovernanceBot.Domain.Rendering;

/// <summary>Dates in UTC and the time left, as the status comment shows them.</summary>
public static class TimeText
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>"2026-12-09 14:00 UTC"; seconds are shown when the moment is not on a whole minute, so the text is never wrong.</summary>
    public static string Utc(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return u.Second == 0 && u.Millisecond == 0 ? $"{u:yyyy-MM-dd HH:mm} UTC" : $"{u:yyyy-MM-dd HH:mm:ss} UTC";
    }

    /// <summary>
    /// "6 days left", "1 day left" while a day or more is left, then "23h left" … "less than 1h left": always rounded
    /// down, so it never promises more time than there is, and it changes once a day until the last day, then hourly.
    /// </summary>
    public static string Left(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        if (left <= TimeSpan.Zero) return "closing now";
        if (left < Hour) return "less than 1h left";
        if (left < Day) return $"{left.Ticks / Hour.Ticks}h left";
        var days = left.Ticks / Day.Ticks;
        return days == 1 ? "1 day left" : $"{days} days left";
    }

    /// <summary>The next moment at which <see cref="Left"/> gives a different text (at most the deadline itself).</summary>
    public static DateTimeOffset NextChange(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        if (left < Hour) return deadline;
        var unit = left < Day ? Hour : Day;
        var whole = left.Ticks / unit.Ticks;

        // The text drops from k units to the next smaller text one second after exactly k units are left.
        return deadline - TimeSpan.FromTicks(whole * unit.Ticks) + TimeSpan.FromSeconds(1);
    }
}
