using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>When a vote closes before its deadline (<c>close_early</c>, <c>min_voting</c>).</summary>
public static partial class Governance
{
    /// <summary>
    /// The first moment, not before <c>min_voting</c> has passed, at which the vote may close early, and why: every member
    /// of the electorate had a counted vote (<c>all-voted</c>), or no vote still missing could change the outcome
    /// (<c>decided</c>). Only comment text known to be current at that moment is looked at: a member whose comment was
    /// edited later counts as not having voted yet, which can only make the close later.
    /// </summary>
    private static (DateTimeOffset At, EndReason Reason)? EarlyCloseAt(
        Context context, VotingRules rules, IReadOnlyList<string> electorate, DateTimeOffset opens, DateTimeOffset closes)
    {
        if (rules.CloseEarly == EarlyClose.Never) return null;
        var earliest = opens + rules.MinVoting;
        if (earliest >= closes) return null;

        bool IsMember(string login) => electorate.Any(m => SameLogin(m, login));
        var candidates = context.Comments
            .Where(c => c.At >= opens && c.At < closes && c.CountableVote is not null && IsMember(c.Author))
            .Select(c => c.Comment.UpdatedAt > c.At ? c.Comment.UpdatedAt : c.At)
            .Where(t => t < closes)
            .Select(t => t < earliest ? earliest : t)
            .Append(earliest)
            .Distinct()
            .Order();
        foreach (var t in candidates)
        {
            var known = KnownVotesAt(context, electorate, opens, t);
            if (known.Count == electorate.Count) return (t, EndReason.AllVoted);
            if (rules.CloseEarly != EarlyClose.Decided) continue;
            var plus = known.Count(v => v == VoteChoice.Approve);
            var zero = known.Count(v => v == VoteChoice.Abstain);
            if (Tally.CannotChange(plus, zero, known.Count - plus - zero, electorate.Count, rules)) return (t, EndReason.Decided);
        }

        return null;
    }

    /// <summary>Each member's latest counted vote as it could be read at <paramref name="at"/>; a member with a comment edited since is left out.</summary>
    private static List<VoteChoice> KnownVotesAt(Context context, IReadOnlyList<string> electorate, DateTimeOffset opens, DateTimeOffset at) =>
        [.. context.Comments
            .Where(c => c.At >= opens && c.At <= at && electorate.Any(m => SameLogin(m, c.Author)))
            .GroupBy(c => c.Author, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.All(c => c.Comment.UpdatedAt <= at))
            .Select(g => g.Where(c => c.CountableVote is not null).OrderBy(c => c.At).ThenBy(c => c.Comment.Id).LastOrDefault())
            .OfType<ParsedComment>()
            .Select(c => c.CountableVote!.Choice)];
}
