using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words for the counting settings: <c>close_early</c>, <c>min_voting</c>, <c>min_approvals</c>, a quorum of members, <c>start_by</c>.</summary>
public static partial class Texts
{
    /// <summary>The early-close rule as the help and <c>check</c> state it.</summary>
    public static string EarlyCloseRule(VotingRules r)
    {
        var rule = r.CloseEarly switch
        {
            EarlyClose.AllVoted => "the vote closes early once every TSC member has voted",
            EarlyClose.Decided => "the vote closes early once no missing vote can change the outcome",
            _ => "the vote stays open until its deadline",
        };
        return r.CloseEarly != EarlyClose.Never && r.MinVoting > TimeSpan.Zero ? $"{rule}, but not before it has been open {Durations.Format(r.MinVoting)}" : rule;
    }

    /// <summary>What follows "voting closes" on the timeline of a running round.</summary>
    private static string EarlyCloseSuffix(Round r)
    {
        var rules = r.Profile.Rules;
        var when = rules.CloseEarly switch
        {
            EarlyClose.AllVoted => ", or as soon as every TSC member has voted",
            EarlyClose.Decided => ", or as soon as no missing vote can change the outcome",
            _ => "",
        };
        return when.Length > 0 && rules.MinVoting > TimeSpan.Zero ? $"{when} (not before {TimeText.Utc(r.DiscussionEnds + rules.MinVoting)})" : when;
    }

    /// <summary>How the decision comment says the vote closed: at its deadline, or early and why.</summary>
    private static string ClosedHow(Round r)
    {
        var t = r.Tally!;
        var (others, all) = t.NotVoted == 1 ? ("the 1 TSC member who has not voted", "votes") : ($"the {t.NotVoted} TSC members who have not voted", "all vote");
        return r.EndReason switch
        {
            EndReason.AllVoted => "as soon as every TSC member had voted",
            EndReason.Decided when r.Phase == Phase.Approved => $"early, because the result could no longer change: it stays approved even if {others} {all} -1",
            EndReason.Decided when r.Phase == Phase.Rejected => $"early, because the result could no longer change: it cannot be approved even if {others} {all} +1",
            EndReason.Decided => $"early, because the result could no longer change: quorum cannot be reached even if {others} {all}",
            _ => "at its deadline",
        };
    }

    /// <summary>The reason a vote that met its approval share was still rejected, or null.</summary>
    private static string? MinApprovalsSentence(TallySummary t) => t.ShortOfMinApprovals
        ? $"Rejected because `min_approvals` asks for at least {Plural(t.MinApprovals, "+1 vote")} and there {(t.Plus == 1 ? "was" : "were")} {t.Plus}, although the share of +1 votes was enough."
        : null;

    /// <summary>The quorum as the help states it.</summary>
    private static string QuorumRuleText(QuorumRule quorum) =>
        quorum.Members is { } m ? $"at least {Plural(m, "TSC member")} vote"
        : quorum.Share == Fraction.Half ? "more than half of the TSC votes"
        : $"more than {quorum.Share} of the TSC votes";

    /// <summary>The one reply to a trigger label applied by someone outside the TSC where <c>start_by: tsc</c>.</summary>
    public static string StartRefused(ProcessProfile profile, string labelledBy)
    {
        var label = MarkdownText.Code(profile.Label);
        return Markers.For(Markers.StartRefusedKey(profile.Label)) + Nl
            + $"Thank you, @{labelledBy}. In this repository only a TSC member can start the {MarkdownText.Inline(profile.DisplayName)} process, "
            + $"so the {label} label has started nothing yet. To get it started, ask a TSC member to remove the {label} label and apply it again; "
            + "the discussion period begins then." + Nl;
    }
}
