namespace GovernanceBot.GitHub;

/// <summary>A check run's status, as GitHub names them <c>queued</c>, <c>in_progress</c>, <c>completed</c>.</summary>
public enum CheckRunStatus
{
    Queued,
    InProgress,
    Completed,
}

/// <summary>How a completed check run ended; the governance check uses <see cref="Success"/> and <see cref="Failure"/>.</summary>
public enum CheckRunConclusion
{
    Success,
    Failure,
    Neutral,
    Cancelled,
    Skipped,
    TimedOut,
    ActionRequired,
    Stale,
}

/// <summary>
/// What a check run shows: status, conclusion (only when completed), the output's title and summary (Markdown) and the
/// details link. Compared as a value: the reconciler writes a check run only when what it shows differs.
/// </summary>
public sealed record CheckRunSpec(CheckRunStatus Status, CheckRunConclusion? Conclusion, string Title, string Summary, string? DetailsUrl)
{
    /// <summary>The status as GitHub writes it.</summary>
    public string StatusName => Status switch
    {
        CheckRunStatus.Queued => "queued",
        CheckRunStatus.InProgress => "in_progress",
        _ => "completed",
    };

    /// <summary>The conclusion as GitHub writes it, or null.</summary>
    public string? ConclusionName => Conclusion switch
    {
        null => null,
        CheckRunConclusion.TimedOut => "timed_out",
        CheckRunConclusion.ActionRequired => "action_required",
        { } c => c.ToString().ToLowerInvariant(),
    };

    /// <summary>The status GitHub names <paramref name="name"/> (<c>in_progress</c>...); an unknown one reads as queued.</summary>
    public static CheckRunStatus ParseStatus(string? name) => name switch
    {
        "in_progress" => CheckRunStatus.InProgress,
        "completed" => CheckRunStatus.Completed,
        _ => CheckRunStatus.Queued,
    };

    /// <summary>The conclusion GitHub names <paramref name="name"/> (<c>success</c>, <c>timed_out</c>...), or null.</summary>
    public static CheckRunConclusion? ParseConclusion(string? name) => name switch
    {
        null or "" => null,
        "timed_out" => CheckRunConclusion.TimedOut,
        "action_required" => CheckRunConclusion.ActionRequired,
        _ => Enum.TryParse<CheckRunConclusion>(name, ignoreCase: true, out var c) ? c : CheckRunConclusion.Neutral,
    };
}

/// <summary>A check run on GitHub: its id, the commit it is on, and what it shows now.</summary>
public sealed record CheckRunSnapshot(long Id, string HeadSha, CheckRunSpec Shown);
