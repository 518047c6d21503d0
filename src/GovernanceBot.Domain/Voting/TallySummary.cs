using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Voting;

/// <summary>The binding count of one vote and what the rules make of it. All whole numbers.</summary>
/// <param name="Electorate">N, the frozen TSC size.</param>
/// <param name="QuorumNeeded">the smallest number of votes cast that makes quorum.</param>
/// <param name="PlusNeeded">the smallest number of +1 votes that approves, given the votes cast so far.</param>
public sealed record TallySummary(
    int Electorate,
    int Plus,
    int Zero,
    int Minus,
    int QuorumNeeded,
    bool QuorumMet,
    int PlusNeeded,
    bool ApprovalMet)
{
    /// <summary>The <c>min_approvals</c> in force (0: none).</summary>
    public int MinApprovals { get; init; }

    /// <summary>The approval share was met but there were fewer +1 votes than <c>min_approvals</c> asks.</summary>
    public bool ShortOfMinApprovals => !ApprovalMet && PlusShareMet;

    /// <summary>Whether the +1 votes alone make the approval share (whatever <c>min_approvals</c> says); set by the tally.</summary>
    public bool PlusShareMet { get; init; }

    /// <summary>Votes cast: +1, 0 and -1.</summary>
    public int Cast => Plus + Zero + Minus;

    /// <summary>Quorum and approval are both met: the vote passes if it closed now.</summary>
    public bool Approved => QuorumMet && ApprovalMet;

    /// <summary>TSC members who have not cast a counted vote.</summary>
    public int NotVoted => Electorate - Cast;

    /// <summary>The verdict if the vote closed now.</summary>
    public Outcome Verdict => !QuorumMet ? Outcome.NoQuorum : ApprovalMet ? Outcome.Approved : Outcome.Rejected;
}
