namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The phase labels the bot owns. Exactly one is on an issue that has a process.</summary>
public static class PhaseLabels
{
    public const string Prefix = "governance/";
    public const string AwaitingNominee = "governance/awaiting-nominee";
    public const string Discussion = "governance/discussion";
    public const string Voting = "governance/voting";
    public const string Approved = "governance/approved";
    public const string Rejected = "governance/rejected";
    public const string NoQuorum = "governance/no-quorum";
    public const string Cancelled = "governance/cancelled";

    public static IReadOnlyList<string> All { get; } = [AwaitingNominee, Discussion, Voting, Approved, Rejected, NoQuorum, Cancelled];

    /// <summary>The labels of a process still running: awaiting its nominee, in discussion or in voting.</summary>
    public static IReadOnlyList<string> Running { get; } = [AwaitingNominee, Discussion, Voting];

    public static bool IsPhaseLabel(string label) => All.Contains(label, StringComparer.OrdinalIgnoreCase);
}
