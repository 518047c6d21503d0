using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>Where one round of a process stands.</summary>
public enum Phase
{
    Discussion,
    Voting,
    Approved,
    Rejected,
    NoQuorum,
    Cancelled,
}

public static class PhaseExtensions
{
    public static bool IsFinal(this Phase phase) => phase is not (Phase.Discussion or Phase.Voting);

    public static Phase ToPhase(this Outcome outcome) => outcome switch
    {
        Outcome.Approved => Phase.Approved,
        Outcome.Rejected => Phase.Rejected,
        _ => Phase.NoQuorum,
    };

    /// <summary>The label that shows the phase on the issue.</summary>
    public static string Label(this Phase phase) => phase switch
    {
        Phase.Discussion => PhaseLabels.Discussion,
        Phase.Voting => PhaseLabels.Voting,
        Phase.Approved => PhaseLabels.Approved,
        Phase.Rejected => PhaseLabels.Rejected,
        Phase.NoQuorum => PhaseLabels.NoQuorum,
        _ => PhaseLabels.Cancelled,
    };

    /// <summary>The word used in the simulate JSON and the state block.</summary>
    public static string Slug(this Phase phase) => phase switch
    {
        Phase.Discussion => "discussion",
        Phase.Voting => "voting",
        Phase.Approved => "approved",
        Phase.Rejected => "rejected",
        Phase.NoQuorum => "no-quorum",
        _ => "cancelled",
    };

    public static Phase? FromSlug(string? slug) => slug switch
    {
        "discussion" => Phase.Discussion,
        "voting" => Phase.Voting,
        "approved" => Phase.Approved,
        "rejected" => Phase.Rejected,
        "no-quorum" => Phase.NoQuorum,
        "cancelled" => Phase.Cancelled,
        _ => null,
    };
}

/// <summary>The phase labels the bot owns. Exactly one is on an issue that has a process.</summary>
public static class PhaseLabels
{
    public const string Prefix = "governance/";
    public const string Discussion = "governance/discussion";
    public const string Voting = "governance/voting";
    public const string Approved = "governance/approved";
    public const string Rejected = "governance/rejected";
    public const string NoQuorum = "governance/no-quorum";
    public const string Cancelled = "governance/cancelled";

    public static IReadOnlyList<string> All { get; } = [Discussion, Voting, Approved, Rejected, NoQuorum, Cancelled];

    public static bool IsPhaseLabel(string label) => All.Contains(label, StringComparer.OrdinalIgnoreCase);
}
