namespace GovernanceBot.Domain.Rendering;

/// <summary>Dates in UTC and the time left, as the status comment shows them.</summary>
public static class TimeText
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>"2026-12-09 14:00 UTC"; seconds are shown when the moment is not on a whole minute, so the text is never wrong.</summary>
    public static string Utc(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return u.Second == 0 && u.Millisecond == 0 ? $"{u:yyyy-MM-dd HH:mm} UTC" : $"{u:yyyy-MM-dd HH:mm:ss} UTC";
    }

    /// <summary>"6d 3h left", "5h left", "less than 1h left": rounded down, so it never promises more time than there is.</summary>
    public static string Left(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        if (left <= TimeSpan.Zero) return "closing now";
        if (left < Hour) return "less than 1h left";
        var hours = (long)(left.Ticks / Hour.Ticks);
        return hours >= 24 ? $"{hours / 24}d {hours % 24}h left" : $"{hours}h left";
    }

    /// <summary>The next moment at which <see cref="Left"/> gives a different text (at most the deadline itself).</summary>
    public static DateTimeOffset NextChange(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        if (left < Hour) return deadline;
        var wholeHours = left.Ticks / Hour.Ticks;

        // The text drops from "k h" to "k-1 h" one second after exactly k hours are left.
        return deadline - TimeSpan.FromTicks(wholeHours * Hour.Ticks) + TimeSpan.FromSeconds(1);
    }
}
