using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Voting;

/// <summary>The arithmetic of design section 1. Whole numbers only: no floating point anywhere.</summary>
public static class Tally
{
    /// <summary>Counts binding votes under <paramref name="rules"/> for an electorate of <paramref name="electorate"/>.</summary>
    public static TallySummary Count(int plus, int zero, int minus, int electorate, VotingRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plus);
        ArgumentOutOfRangeException.ThrowIfNegative(zero);
        ArgumentOutOfRangeException.ThrowIfNegative(minus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(electorate);
        if (plus + zero + minus > electorate)
        {
            throw new ArgumentException($"{plus + zero + minus} binding votes cannot come from an electorate of {electorate}.");
        }

        var cast = plus + zero + minus;
        var denominator = ApprovalDenominator(plus, zero, minus, rules.Abstentions);
        return new TallySummary(
            electorate,
            plus,
            zero,
            minus,
            QuorumNeeded: rules.Quorum.VotesNeeded(electorate),
            QuorumMet: rules.Quorum.IsMet(cast, electorate),
            PlusNeeded: Math.Max(PlusNeededFor(denominator, rules.Approval), rules.MinApprovals),
            ApprovalMet: IsApproved(plus, denominator, rules))
        {
            MinApprovals = rules.MinApprovals,
            PlusShareMet = IsApproved(plus, denominator, rules.Approval),
        };
    }

    /// <summary>Counts the choices of the binding voters.</summary>
    public static TallySummary Count(IEnumerable<Commands.VoteChoice> bindingChoices, int electorate, VotingRules rules)
    {
        int plus = 0, zero = 0, minus = 0;
        foreach (var choice in bindingChoices)
        {
            switch (choice)
            {
                case Commands.VoteChoice.Approve: plus++; break;
                case Commands.VoteChoice.Abstain: zero++; break;
                case Commands.VoteChoice.Reject: minus++; break;
            }
        }

        return Count(plus, zero, minus, electorate, rules);
    }

    /// <summary>
    /// <c>plus * q >= p * denominator</c>, and at least one +1: a vote in which nobody approved never passes,
    /// even when abstentions are ignored and everyone abstained (0 of 0).
    /// </summary>
    public static bool IsApproved(int plus, int denominator, Fraction approval) =>
        plus > 0 && (long)plus * approval.Denominator >= (long)approval.Numerator * denominator;

    /// <summary>The approval share is met and there are at least <c>min_approvals</c> +1 votes.</summary>
    public static bool IsApproved(int plus, int denominator, VotingRules rules) =>
        plus >= rules.MinApprovals && IsApproved(plus, denominator, rules.Approval);

    /// <summary>The votes the approval share is taken of: all votes cast, or +1 and -1 only when abstentions are ignored.</summary>
    public static int ApprovalDenominator(int plus, int zero, int minus, AbstentionMode mode) =>
        mode == AbstentionMode.Count ? plus + zero + minus : plus + minus;

    /// <summary>The smallest number of +1 votes among <paramref name="denominator"/> votes that meets the share (at least 1).</summary>
    public static int PlusNeededFor(int denominator, Fraction approval) =>
        // ceil(p * d / q), computed without floating point.
        Math.Max(1, (int)(((long)approval.Numerator * denominator + approval.Denominator - 1) / approval.Denominator));

    /// <summary>
    /// The smallest number of +1 votes that approves when <paramref name="cast"/> TSC members vote and none of them
    /// abstains (the others vote -1), quorum included; null when no number does. Asked of <see cref="Count(int, int, int, int, VotingRules)"/>
    /// itself, so <c>check</c>'s tables can never disagree with the tally.
    /// </summary>
    public static int? SmallestApprovingPlus(int cast, int electorate, VotingRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cast);
        for (var plus = 0; plus <= cast; plus++)
        {
            if (Count(plus, 0, cast - plus, electorate, rules).Approved) return plus;
        }

        return null;
    }

    /// <summary>
    /// Whether no vote still missing can change the outcome (<c>close_early: decided</c>): with <paramref name="plus"/>,
    /// <paramref name="zero"/> and <paramref name="minus"/> cast, the verdict now is the verdict however the members who
    /// have not voted vote, or whether they vote at all. Adding a +1 never hurts approval and adding a 0 or -1 never
    /// helps it, while every vote helps quorum; so an approval holds if it holds with every missing member voting -1, a
    /// rejection (quorum met) holds if every missing member voting +1 still does not approve, and a vote without quorum
    /// stays so only if all the missing members together cannot reach it.
    /// </summary>
    public static bool CannotChange(int plus, int zero, int minus, int electorate, VotingRules rules)
    {
        var now = Count(plus, zero, minus, electorate, rules);
        var missing = now.NotVoted;
        if (missing == 0) return true;
        return now.Verdict switch
        {
            Outcome.Approved => Count(plus, zero, minus + missing, electorate, rules).Approved,
            Outcome.Rejected => !Count(plus + missing, zero, minus, electorate, rules).Approved,
            _ => !rules.Quorum.IsMet(now.Cast + missing, electorate),
        };
    }

    /// <summary>What is still missing for quorum, and how many more +1 votes from members who have not voted would approve.</summary>
    public static StillNeeded Missing(TallySummary tally, VotingRules rules)
    {
        var forQuorum = Math.Max(0, tally.QuorumNeeded - tally.Cast);
        int? morePlus = null;
        for (var k = 0; k <= tally.NotVoted; k++)
        {
            var plus = tally.Plus + k;
            var cast = tally.Cast + k;
            var denominator = ApprovalDenominator(plus, tally.Zero, tally.Minus, rules.Abstentions);
            if (rules.Quorum.IsMet(cast, tally.Electorate) && IsApproved(plus, denominator, rules))
            {
                morePlus = k;
                break;
            }
        }

        return new StillNeeded(forQuorum, morePlus);
    }
}
