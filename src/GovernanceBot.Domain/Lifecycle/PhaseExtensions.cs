using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

public static class PhaseExtensions
{
    public static bool IsFinal(this Phase phase) => phase is not (Phase.Discussion or Phase.Voting or Phase.AwaitingNominee);

    public static Phase ToPhase(this Outcome outcome) => outcome switch
    {
        Outcome.Approved => Phase.Approved,
        Outcome.Rejected => Phase.Rejected,
        _ => Phase.NoQuorum,
    };

    /// <summary>The label that shows the phase on the issue.</summary>
    public static string Label(this Phase phase) => phase switch
    {
        Phase.AwaitingNominee => PhaseLabels.AwaitingNominee,
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
        Phase.AwaitingNominee => "awaiting-nominee",
        Phase.Discussion => "discussion",
        Phase.Voting => "voting",
        Phase.Approved => "approved",
        Phase.Rejected => "rejected",
        Phase.NoQuorum => "no-quorum",
        _ => "cancelled",
    };

    public static Phase? FromSlug(string? slug) => slug switch
    {
        "awaiting-nominee" => Phase.AwaitingNominee,
        "discussion" => Phase.Discussion,
        "voting" => Phase.Voting,
        "approved" => Phase.Approved,
        "rejected" => Phase.Rejected,
        "no-quorum" => Phase.NoQuorum,
        "cancelled" => Phase.Cancelled,
        _ => null,
    };
}
