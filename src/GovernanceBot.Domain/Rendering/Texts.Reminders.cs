using System.Text;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The reminder to those who have not voted yet (<c>remind</c>).</summary>
public static partial class Texts
{
    /// <summary>
    /// The reminder posted <paramref name="offset"/> before the voting deadline: it mentions only <paramref name="notVoted"/>
    /// (members of the electorate without a counted vote) and says what is still needed.
    /// </summary>
    public static string Reminder(Round r, TimeSpan offset, IReadOnlyList<string> notVoted, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.ReminderKey(r.Key, offset))).Append(Nl);
        sb.Append($"⏰ **Reminder:** the vote on this {r.Profile.DisplayName} closes on {TimeText.Utc(r.VotingEnds)} ({TimeText.Left(r.VotingEnds, now)}).").Append(Nl).Append(Nl);
        sb.Append(string.Join(" ", notVoted.Select(m => "@" + m)));
        sb.Append(": you have not voted yet.");
        sb.Append(" Please vote with a comment: `/vote +1`, `/vote 0`, or `/vote -1` followed by your concerns.").Append(Nl).Append(Nl);
        sb.Append(ReminderArithmetic(r.Tally!, r.Profile.Rules, r.VotingEnds, now)).Append(Nl);
        return sb.ToString();
    }

    /// <summary>"2 of 5 voted; 1 more vote reaches quorum; 2 more +1 would approve; 2 days left."</summary>
    private static string ReminderArithmetic(TallySummary t, VotingRules rules, DateTimeOffset ends, DateTimeOffset now)
    {
        var missing = Tally.Missing(t, rules);
        var parts = new List<string> { $"{t.Cast} of {t.Electorate} voted" };
        if (missing.MoreVotesForQuorum > 0)
            parts.Add($"{Plural(missing.MoreVotesForQuorum, "more vote")} {(missing.MoreVotesForQuorum == 1 ? "reaches" : "reach")} quorum");
        else
            parts.Add("quorum is reached");
        if (t.Approved) parts.Add("it would be approved if the vote closed now");
        else if (missing.MorePlusToApprove is { } more) parts.Add($"{Plural(more, "more +1")} would approve");
        else parts.Add("it cannot be approved unless TSC members change their votes");
        parts.Add(TimeText.Left(ends, now));
        return string.Join("; ", parts) + ".";
    }
}
