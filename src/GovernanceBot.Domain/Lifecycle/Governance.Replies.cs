using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>Which human comments get a reply, and what it says: a command the bot could not act on as written, or a call for help.</summary>
public static partial class Governance
{
    /// <summary>One reply per human comment that the bot could not act on as written: why, and how to fix it.</summary>
    private static IEnumerable<OutgoingComment> Replies(Context context, IReadOnlyList<Round> rounds)
    {
        // Only comments of the latest round get replies: a bot installed late does not answer ancient history.
        var since = rounds.Count > 0 ? rounds[^1].Start : DateTimeOffset.MinValue;
        foreach (var c in context.Comments)
        {
            var items = new List<ReplyItem>();
            var round = rounds.LastOrDefault(r => r.Start <= c.At);
            foreach (var command in c.Commands)
            {
                if (command is Command.Help)
                {
                    items.Add(new ReplyItem.Help(command.Line));
                    continue;
                }

                if (c.At < since || round is null) continue;
                if (ItemFor(context, c, command, round) is { } item) items.Add(item);
            }

            if (c.Votes.Count > 1) items.Insert(0, new ReplyItem.Ambiguous([.. c.Votes.Select(v => v.Line)]));
            if (items.Count == 0) continue;
            var key = Markers.ReplyKey(c.Comment.Id, items);
            yield return new OutgoingComment(key, Texts.Reply(key, c.Author, items, context.Policy), $"reply to comment {c.Comment.Id}");
        }
    }

    private static ReplyItem? ItemFor(Context context, ParsedComment c, Command command, Round round)
    {
        var endedBefore = round.EndedAt is { } end && (c.At > end || (c.At == end && round.EndReason != EndReason.CancelCommand && !round.Ballots.Any(b => b.CommentId == c.Comment.Id)));

        // Extend and cancel act on a running round: posted at or after its end, they find nothing running.
        var afterEnd = round.EndedAt is { } ended && c.At >= ended;

        // A nomination not yet accepted has no discussion or vote to count in or to extend.
        var beforeAcceptance = round.Nomination is { } n && (n.AcceptedAt is null || c.At < n.AcceptedAt) && !afterEnd;
        if (beforeAcceptance && command is Command.Vote or Command.Extend && (command is not Command.Extend || context.IsTsc(c.Author)) && c.Votes.Count <= 1)
        {
            return new ReplyItem.BeforeAcceptance(command.Line, command is Command.Vote);
        }

        switch (command)
        {
            case Command.Malformed malformed:
                return new ReplyItem.Malformed(malformed.Problem, malformed.Line);
            case Command.Vote vote when c.Votes.Count == 1:
                if (endedBefore) return new ReplyItem.VoteAfterClose(vote.Line, round.Phase, round.EndedAt!.Value);
                if (c.At < round.DiscussionEnds) return new ReplyItem.VoteTooEarly(vote.Line, round.DiscussionEnds);
                if (vote.Choice == VoteChoice.Reject && vote.Concerns.Length == 0) return new ReplyItem.MissingConcerns(vote.Line);
                return null;
            case Command.Extend extend:
                if (!context.IsTsc(c.Author)) return new ReplyItem.NotAllowed(extend.Line, "extend");
                if (afterEnd) return new ReplyItem.NothingRunning(extend.Line, round.Phase);
                return null;
            case Command.Nominate or Command.Accept or Command.Decline:
                return NominationItem(context, c, command, round);
            case Command.Cancel cancel:
                if (!context.MayCancel(c.Author)) return new ReplyItem.NotAllowed(cancel.Line, "cancel");
                if (round.EndReason == EndReason.CancelCommand && round.EndedAt == c.At) return null;
                if (afterEnd) return new ReplyItem.NothingRunning(cancel.Line, round.Phase);
                return null;
            default:
                return null;
        }
    }
}
