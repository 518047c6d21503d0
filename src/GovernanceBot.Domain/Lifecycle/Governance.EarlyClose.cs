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
            .SelectMany(c => context.ReadsHistory ? [c.At, c.Comment.UpdatedAt] : new[] { c.Comment.UpdatedAt > c.At ? c.Comment.UpdatedAt : c.At })
            .Where(t => t < closes)
            .Select(t => t < earliest ? earliest : t)
            .Append(earliest)
            .Distinct()
            .Order();
        foreach (var t in candidates)
        {
            var (allVoted, known) = KnownVotesAt(context, electorate, opens, t);
            if (allVoted) return (t, EndReason.AllVoted);
            if (rules.CloseEarly != EarlyClose.Decided) continue;
            var plus = known.Count(v => v == VoteChoice.Approve);
            var zero = known.Count(v => v == VoteChoice.Abstain);
            if (Tally.CannotChange(plus, zero, known.Count - plus - zero, electorate.Count, rules)) return (t, EndReason.Decided);
        }

        return null;
    }

    /// <summary>
    /// When <c>min_voting</c> stops holding back an early close, or null when nothing is held: the bot looks again then,
    /// since a vote already settled closes at that moment with no new event.
    /// </summary>
    private static DateTimeOffset? EarlyCloseFrom(Round round) =>
        round.Profile.Rules is { CloseEarly: not EarlyClose.Never, MinVoting: var min } && min > TimeSpan.Zero ? round.DiscussionEnds + min : null;

    /// <summary>
    /// Whether every member had a vote comment whose text was known at <paramref name="at"/>, and each member's latest
    /// vote as read then; a member whose latest vote comment was edited since counts as not having voted.
    /// </summary>
    private static (bool AllVoted, List<VoteChoice> Known) KnownVotesAt(Context context, IReadOnlyList<string> electorate, DateTimeOffset opens, DateTimeOffset at)
    {
        var asOf = context.ReadsHistory ? AsReadAt(context.Comments, at) : context.Comments;
        var byMember = asOf
            .Where(c => c.At >= opens && c.At <= at && c.CountableVote is not null && electorate.Any(m => SameLogin(m, c.Author)))
            .GroupBy(c => c.Author, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var allVoted = electorate.All(m => byMember.Any(g => SameLogin(g.Key, m) && g.Any(c => c.Comment.UpdatedAt <= at)));
        var known = byMember
            .Select(g => g.OrderBy(c => c.At).ThenBy(c => c.Comment.Id).Last())
            .Where(c => c.Comment.UpdatedAt <= at)
            .Select(c => c.CountableVote!.Choice)
            .ToList();
        return (allVoted, known);
    }

    /// <summary>
    /// The comments as they read at <paramref name="at"/>: one edited later is read back from its history and counts as
    /// written then (its <c>UpdatedAt</c> taken as <paramref name="at"/>); one whose text then is unknown keeps its later edit.
    /// </summary>
    private static IEnumerable<ParsedComment> AsReadAt(IEnumerable<ParsedComment> comments, DateTimeOffset at) => comments.Select(c =>
    {
        if (!c.Comment.WasEdited || c.Comment.UpdatedAt <= at || c.At > at) return c;
        var then = Authorship.ParseAsOf(c.Comment, at, inclusive: true);
        return then.Unreadable ? c : then with { Comment = then.Comment with { UpdatedAt = at } };
    });
}
