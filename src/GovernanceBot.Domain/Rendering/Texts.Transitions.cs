using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The comments posted once when a round changes phase: voting opened, decided, cancelled. Each carries its marker key.</summary>
public static partial class Texts
{
    public static string VotingOpened(Round r, DateTimeOffset now)
    {
        var electorate = r.Electorate!;
        var t = r.Tally!;
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.VotingOpenedKey(r.Key))).Append(Nl);
        sb.Append($"🗳️ **Voting is open** on this {r.Profile.DisplayName} until {TimeText.Utc(r.VotingEnds)} ({TimeText.Left(r.VotingEnds, now)}).").Append(Nl).Append(Nl);
        sb.Append(string.Join(" ", electorate.Select(m => "@" + m))).Append(Markers.ElectorateCall).Append(" with a comment:").Append(Nl);
        sb.Append("- `/vote +1` to approve, `/vote 0` to abstain,").Append(Nl);
        sb.Append("- `/vote -1` followed by your concerns to reject (a -1 without concerns is not counted).").Append(Nl).Append(Nl);
        var minimum = r.Profile.Rules.MinApprovals > 0 ? $", with at least {Plural(r.Profile.Rules.MinApprovals, "+1 vote")}" : "";
        sb.Append($"It passes if at least {t.QuorumNeeded} of the {t.Electorate} TSC members vote and at least {r.Profile.Rules.Approval} of the votes are +1{minimum}. The status comment above keeps the tally.").Append(Nl);
        return sb.ToString();
    }

    public static string Decided(Round r, string issueAuthor)
    {
        var t = r.Tally!;
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.DecisionKey(r.Key))).Append(Nl);
        var verdict = r.Phase switch
        {
            Phase.Approved => "✅ **Approved.**",
            Phase.Rejected => "❌ **Rejected.**",
            _ => "⏹️ **Closed without quorum.**",
        };
        sb.Append($"{verdict} The vote on this {r.Profile.DisplayName} closed on {TimeText.Utc(r.EndedAt!.Value)}, {ClosedHow(r)}.").Append(Nl).Append(Nl);
        sb.Append("- ").Append(QuorumSentence(t)).Append(Nl);
        sb.Append("- ").Append(ApprovalSentence(t, r.Profile.Rules)).Append(Nl);
        if (MinApprovalsSentence(t) is { } short_) sb.Append("- ").Append(short_).Append(Nl);
        sb.Append(Nl);
        sb.Append($"@{issueAuthor}: the status comment above records the full tally, the electorate and every concern.").Append(Nl);
        return sb.ToString();
    }

    /// <summary>Why a new round started: the proposal changed during <paramref name="ended"/>'s vote and the profile says <c>proposal_changes: restart</c>.</summary>
    public static string Restarted(Round ended, Round next)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.RestartedKey(ended.Key))).Append(Nl);
        var what = ended.Changes.Commits.Count > 0 ? $"{Plural(ended.Changes.Commits.Count, "commit")} {(ended.Changes.Commits.Count == 1 ? "was" : "were")} pushed" : "the description was edited";
        sb.Append($"🔁 **A new round started** on this {ended.Profile.DisplayName} on {TimeText.Utc(next.Start)}: {what} after voting opened in round {ended.Number}, ");
        sb.Append("and this process starts again when the proposal changes (`proposal_changes: restart`).").Append(Nl).Append(Nl);
        sb.Append($"Votes cast in round {ended.Number} do not count. Discussion runs until {TimeText.Utc(next.DiscussionEnds)}; then the TSC votes on the proposal as it is.").Append(Nl);
        return sb.ToString();
    }

    public static string Cancelled(Round r)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.CancelledKey(r.Key))).Append(Nl);
        sb.Append($"🚫 The {r.Profile.DisplayName} process was cancelled on {TimeText.Utc(r.EndedAt!.Value)}: {CancelReason(r)}.");
        sb.Append(AgainHint(r)).Append(Nl);
        return sb.ToString();
    }
}
