namespace GovernanceBot.Domain.Config;

/// <summary>Durations as people write them in config and commands: <c>14d</c>, <c>36h</c>, <c>90m</c>, <c>1w</c>, <c>14d2h</c>.</summary>
public static class Durations
{
    /// <summary>The longest duration accepted anywhere, so that a typo cannot freeze a process for years.</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Parses one or more number+unit parts (units w, d, h, m, s; case-insensitive, no spaces inside).
    /// Rejects zero, negative, empty, unknown units, repeated units and anything above <see cref="Maximum"/>.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().ToLowerInvariant();
        long totalSeconds = 0;
        var seenUnits = new HashSet<char>();
        var i = 0;
        var lastRank = int.MaxValue;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start || i - start > 6 || i >= s.Length) return false;
            var number = long.Parse(s.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
            var unit = s[i++];
            long seconds;
            int rank;
            switch (unit)
            {
                case 'w': seconds = 7 * 86400; rank = 5; break;
                case 'd': seconds = 86400; rank = 4; break;
                case 'h': seconds = 3600; rank = 3; break;
                case 'm': seconds = 60; rank = 2; break;
                case 's': seconds = 1; rank = 1; break;
                default: return false;
            }

            // Units must be written largest first and once each ("1d2h", never "2h1d" or "1d1d").
            if (!seenUnits.Add(unit) || rank >= lastRank) return false;
            lastRank = rank;
            totalSeconds += number * seconds;
            if (totalSeconds > (long)Maximum.TotalSeconds) return false;
        }

        if (totalSeconds <= 0) return false;
        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    /// <summary>The shortest canonical text: 14d, 1d12h, 90m → 1h30m.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0m";
        var parts = new List<string>(4);
        if (duration.Days > 0) parts.Add($"{duration.Days}d");
        if (duration.Hours > 0) parts.Add($"{duration.Hours}h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes}m");
        if (duration.Seconds > 0) parts.Add($"{duration.Seconds}s");
        return string.Concat(parts);
    }
}
