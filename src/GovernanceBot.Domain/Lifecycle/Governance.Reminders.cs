using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The reminders to those who have not voted yet (<c>remind</c>), each posted once per round and offset.</summary>
public static partial class Governance
{
    /// <summary>
    /// The reminder due now on a running vote, if any member of the electorate has no counted vote: the one whose moment
    /// (the deadline minus its offset) is the latest that has passed. One whose moment passed before a later one's is no
    /// longer due (a bot that was down posts the latest reminder, not a pile of them). A moment at or before voting
    /// opened is no reminder: the voting-opened comment has just called everyone.
    /// </summary>
    private static IEnumerable<OutgoingComment> Reminders(Round latest, DateTimeOffset now)
    {
        if (DueReminder(latest, now) is not { } offset) yield break;
        var missing = NotVoted(latest);
        if (missing.Count == 0) yield break;
        yield return new OutgoingComment(
            Markers.ReminderKey(latest.Key, offset),
            Texts.Reminder(latest, offset, missing, now),
            $"reminder {Durations.Format(offset)} before the deadline to {string.Join(", ", missing)}");
    }

    /// <summary>The offset of the reminder due at <paramref name="now"/> on <paramref name="round"/>, or null.</summary>
    public static TimeSpan? DueReminder(Round round, DateTimeOffset now) => round.Phase != Phase.Voting
        ? null
        : round.Profile.Remind
            .Where(o => round.VotingEnds - o <= now && round.VotingEnds - o > round.DiscussionEnds)
            .Order()
            .Select(o => (TimeSpan?)o)
            .FirstOrDefault();

    /// <summary>When the next reminder of a running vote falls due, while someone has not voted yet; null when none will.</summary>
    public static DateTimeOffset? NextReminderAt(Round round, DateTimeOffset now) => round.Phase != Phase.Voting || NotVoted(round).Count == 0
        ? null
        : round.Profile.Remind
            .Select(o => round.VotingEnds - o)
            .Where(t => t > now && t > round.DiscussionEnds)
            .Order()
            .Select(t => (DateTimeOffset?)t)
            .FirstOrDefault();

    /// <summary>The members of the round's electorate without a counted (binding) vote, in the electorate's order.</summary>
    public static IReadOnlyList<string> NotVoted(Round round) =>
        [.. (round.Electorate ?? []).Where(m => !round.BindingBallots.Any(b => SameLogin(b.Voter, m)))];
}
