using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// Nominations (<c>confirm: nominee</c>): the issue's author or a TSC member names the nominee with <c>/governance nominate
/// @login</c>; the discussion starts when the nominee posts <c>/governance accept</c>. <c>/governance decline</c>, or no
/// acceptance within <c>confirm_within</c> of the latest nomination (of the label, while nobody is named), cancels the round.
/// </summary>
public static partial class Governance
{
    /// <summary>May name the nominee: the issue's author or a TSC member.</summary>
    private static bool MayNominate(Context context, string login) => context.IsTsc(login) || SameLogin(login, context.Facts.Issue.Author);

    /// <summary>
    /// The nomination as the comments from <paramref name="start"/> tell it, up to <paramref name="until"/> (another
    /// cancellation), and how it ended when declined or not confirmed in time. A recorded acceptance is kept as recorded.
    /// </summary>
    private static (Nomination Nomination, Ending? Ending) Nominated(Context context, ProcessProfile profile, DateTimeOffset start, DateTimeOffset? until, RoundRecord? record)
    {
        if (record is { Accepted: { } recordedAt })
        {
            return (new Nomination(record.Nominee, record.NominatedBy, record.NominatedAt, recordedAt, recordedAt), null);
        }

        string? nominee = null, by = null;
        DateTimeOffset? at = null;
        long? commentId = null;
        var replaced = new List<string>();
        DateTimeOffset ConfirmBy() => (at ?? start) + profile.ConfirmWithin;
        Nomination Current(DateTimeOffset? accepted = null) =>
            new(nominee, by, at, ConfirmBy(), accepted) { Replaced = replaced, NominationCommentId = commentId };

        foreach (var c in context.Comments.Where(c => c.At >= start && (until is null || c.At < until)))
        {
            if (c.At >= ConfirmBy()) break;
            foreach (var command in c.Commands)
            {
                switch (command)
                {
                    case Command.Nominate n when MayNominate(context, c.Author):
                        if (nominee is not null && !SameLogin(nominee, n.Login)) replaced.Add(nominee);
                        (nominee, by, at, commentId) = (n.Login, c.Author, c.At, c.Comment.Id);
                        break;
                    case Command.Accept when nominee is not null && SameLogin(c.Author, nominee):
                        return (Current(c.At), null);
                    case Command.Decline when nominee is not null && SameLogin(c.Author, nominee):
                        return (Current(), new Ending(c.At, EndReason.Declined, c.Author));
                }
            }
        }

        var expired = ConfirmBy() <= context.Facts.Now && (until is null || ConfirmBy() < until);
        return (Current(), expired ? new Ending(ConfirmBy(), EndReason.NotConfirmed, null) : null);
    }

    /// <summary>A round that has not reached its discussion: awaiting the nominee, or cancelled before they accepted.</summary>
    private static Round Unconfirmed(Round round, Nomination nomination, Ending? cancel)
    {
        // Nothing is scheduled yet: the periods are shown as they would run from the latest moment the nominee may accept.
        var opens = cancel?.At ?? nomination.ConfirmBy;
        round = round with
        {
            Nomination = nomination,
            DiscussionEnds = opens + round.Profile.Discussion,
            VotingEnds = opens + round.Profile.Discussion + round.Profile.Voting,
        };
        return cancel is null
            ? round with { Phase = Phase.AwaitingNominee }
            : round with { Phase = Phase.Cancelled, EndedAt = cancel.At, EndReason = cancel.Reason, EndedBy = cancel.By };
    }

    /// <summary>The request to the current nominee, once per nomination comment, while the round awaits them.</summary>
    private static IEnumerable<OutgoingComment> NominationComments(Round latest)
    {
        if (latest.Nomination is not { } n) yield break;
        if (latest.Phase == Phase.AwaitingNominee && n is { Nominee: not null, NominationCommentId: { } id })
        {
            var key = Markers.NomineeAskedKey(latest.Key, id);
            yield return new OutgoingComment(key, Texts.NomineeAsked(key, latest, n), "the nominee was asked to confirm");
        }

        if (n.AcceptedAt is not null && !latest.Phase.IsFinal())
        {
            var key = Markers.NomineeAcceptedKey(latest.Key);
            yield return new OutgoingComment(key, Texts.NomineeAccepted(key, latest, n), "the nominee accepted");
        }
    }

    /// <summary>Why a nomination command was not applied, or null when it was (or changes nothing).</summary>
    private static ReplyItem? NominationItem(Context context, ParsedComment c, Command command, Round round)
    {
        if (round.Profile.Confirm != ConfirmMode.Nominee) return new ReplyItem.NoNomination(command.Line, round.Profile.Label);
        var accepted = round.Nomination?.AcceptedAt is { } a && c.At > a;
        var afterEnd = round.EndedAt is { } end && c.At > end;
        if (command is Command.Nominate)
        {
            if (!MayNominate(context, c.Author)) return new ReplyItem.NotAllowed(command.Line, "nominate");
            if (afterEnd) return new ReplyItem.NothingRunning(command.Line, round.Phase);
            return accepted ? new ReplyItem.NominationSettled(command.Line, round.Nomination?.Nominee ?? "") : null;
        }

        var nominee = NomineeAt(context, round, c);
        if (nominee is null || !SameLogin(c.Author, nominee)) return new ReplyItem.NotTheNominee(command.Line, nominee);
        if (afterEnd) return new ReplyItem.NothingRunning(command.Line, round.Phase);
        return command is Command.Decline && accepted ? new ReplyItem.NominationSettled(command.Line, nominee) : null;
    }

    /// <summary>Who was the nominee when <paramref name="c"/> was posted (null: nobody named yet).</summary>
    private static string? NomineeAt(Context context, Round round, ParsedComment c) => round.Nomination?.AcceptedAt is { } accepted && c.At > accepted
        ? round.Nomination.Nominee
        : context.Comments
        .Where(x => x.At >= round.Start && (x.At < c.At || (x.At == c.At && x.Comment.Id <= c.Comment.Id)) && MayNominate(context, x.Author))
        .SelectMany(x => x.Commands.OfType<Command.Nominate>())
        .LastOrDefault()?.Login;
}
