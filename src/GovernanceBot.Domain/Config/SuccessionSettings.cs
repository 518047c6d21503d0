namespace GovernanceBot.Domain.Config;

/// <summary>
/// <c>succession</c> in the owner's configuration (the <c>.github</c> repository's <c>.github/governance.yml</c>): how long a
/// TSC member may be inactive before the bot mentions them (<see cref="ContactAfter"/>) and before it opens a review issue
/// (<see cref="ReviewAfter"/>), and the repository (<c>OWNER/REPO</c>) where it keeps the "TSC activity" issue.
/// </summary>
public sealed record SuccessionSettings(TimeSpan ContactAfter, TimeSpan ReviewAfter, string ReportOwner, string ReportName)
{
    public static TimeSpan DefaultContactAfter { get; } = TimeSpan.FromDays(90);

    public static TimeSpan DefaultReviewAfter { get; } = TimeSpan.FromDays(180);

    /// <summary>The label of the review issue (a project may configure it as a process, so the review is voted on).</summary>
    public const string ReviewLabel = "tsc-membership-review";

    public string Report => $"{ReportOwner}/{ReportName}";
}
