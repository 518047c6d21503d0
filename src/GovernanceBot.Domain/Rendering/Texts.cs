using System.Text;
using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Rendering;

/// <summary>
/// Every word the bot writes on GitHub comes from here, pinned by golden files. Other people's text is
/// always passed through <see cref="MarkdownText"/> so it can neither ping anyone nor break the markup.
/// </summary>
public static partial class Texts
{
    private const string Nl = "\n";

    // ---- Labels ------------------------------------------------------------------------------------

    /// <summary>Colour (hex without #) and description of each phase label, for creating it when missing.</summary>
    public static (string Color, string Description) LabelStyle(string phaseLabel) => phaseLabel switch
    {
        PhaseLabels.AwaitingNominee => ("bfdadc", "Governance: waiting for the nominee to accept; the discussion has not started"),
        PhaseLabels.Discussion => ("c5def5", "Governance: in its discussion period; votes do not count yet"),
        PhaseLabels.Voting => ("fbca04", "Governance: the TSC is voting"),
        PhaseLabels.Approved => ("0e8a16", "Governance: approved by the TSC"),
        PhaseLabels.Rejected => ("b60205", "Governance: rejected by the TSC"),
        PhaseLabels.NoQuorum => ("d4c5f9", "Governance: closed without quorum"),
        _ => ("cccccc", "Governance: process cancelled"),
    };

    // ---- Status comment ----------------------------------------------------------------------------

    public static string StatusComment(StatusView view) => WithinBudget(detail => StatusComment(view, detail));

    private static string StatusComment(StatusView view, Detail detail)
    {
        var latest = view.Rounds[^1];
        var name = latest.Profile.DisplayName;
        var sb = new StringBuilder();
        sb.Append(Markers.Status).Append(Nl);
        sb.Append("### ").Append(Headline(latest, name, view.Now)).Append(Nl);
        sb.Append(NextLine(latest, view.Now)).Append(Nl).Append(Nl);
        AppendRecomputed(sb, view.Recomputed);
        if (latest.RulesChangedAt is { } changed) sb.Append(RulesChanged(changed)).Append(Nl).Append(Nl);
        AppendProposalChanges(sb, latest);

        AppendVote(sb, latest, detail);
        AppendTimeline(sb, latest);
        AppendEarlierRounds(sb, view.Rounds);
        if (detail.Help) AppendHelp(sb, view.Policy, collapsed: true);
        sb.Append(Nl).Append(StateBlock.Write(view.Rounds)).Append(Nl);
        return sb.ToString();
    }

    private static string Headline(Round r, string name, DateTimeOffset now) => r.Phase switch
    {
        Phase.AwaitingNominee => AwaitingHeadline(r, name, now),
        Phase.Discussion => $"💬 {name}: discussion until {TimeText.Utc(r.DiscussionEnds)} ({TimeText.Left(r.DiscussionEnds, now)})",
        Phase.Voting => $"🗳️ {name}: voting open until {TimeText.Utc(r.VotingEnds)} ({TimeText.Left(r.VotingEnds, now)})",
        Phase.Approved => $"✅ {name}: approved on {TimeText.Utc(r.EndedAt!.Value)}",
        Phase.Rejected => $"❌ {name}: rejected on {TimeText.Utc(r.EndedAt!.Value)}",
        Phase.NoQuorum => $"⏹️ {name}: closed without quorum on {TimeText.Utc(r.EndedAt!.Value)}",
        _ => $"🚫 {name}: cancelled on {TimeText.Utc(r.EndedAt!.Value)}",
    };

    /// <summary>The second line: what is still needed, or why it ended.</summary>
    private static string NextLine(Round r, DateTimeOffset now)
    {
        switch (r.Phase)
        {
            case Phase.AwaitingNominee:
                return AwaitingNextLine(r, now);
            case Phase.Discussion:
                return $"**Next:** the TSC votes from {TimeText.Utc(r.DiscussionEnds)}; votes posted before then are not counted.";
            case Phase.Voting:
                var missing = Tally.Missing(r.Tally!, r.Profile.Rules);
                return "**Still needed:** " + StillNeeded(r.Tally!, missing) + ".";
            case Phase.Cancelled:
                return $"**Why:** {CancelReason(r)}.{AgainHint(r)}";
            default:
                var t = r.Tally!;
                return $"**Result:** {QuorumSentence(t)}; {ApprovalSentence(t, r.Profile.Rules)}.";
        }
    }

    /// <summary>How to start again after a cancellation; nothing after a merge, which cannot be undone.</summary>
    private static string AgainHint(Round r) => r.EndReason == EndReason.Merged
        ? " The vote decided nothing; a new proposal needs a new pull request."
        : $" Apply the {MarkdownText.Code(r.Profile.Label)} label again to start a new round.";

    /// <summary>Said while a round keeps the rules frozen when its vote opened though the configuration changed since.</summary>
    private static string RulesChanged(DateTimeOffset seen) => $"The configuration changed on {TimeText.Utc(seen)}; this vote keeps the rules it opened with.";

    private static string StillNeeded(TallySummary t, StillNeeded missing)
    {
        var parts = new List<string>();
        if (missing.MoreVotesForQuorum > 0)
        {
            parts.Add($"{Plural(missing.MoreVotesForQuorum, "more TSC vote")} for quorum ({t.Cast} cast, {t.QuorumNeeded} needed)");
        }

        if (t.Approved)
        {
            parts.Add("nothing: it would be approved if the vote closed now");
        }
        else if (missing.MorePlusToApprove is { } more)
        {
            parts.Add($"{Plural(more, "more +1")} would approve");
        }
        else
        {
            parts.Add("it cannot be approved unless TSC members change their votes");
        }

        return string.Join("; ", parts);
    }

    public static string QuorumSentence(TallySummary t) =>
        $"{t.Cast} of {t.Electorate} TSC members voted, quorum is {t.QuorumNeeded} {Mark(t.QuorumMet)}";

    public static string ApprovalSentence(TallySummary t, VotingRules rules)
    {
        var denominator = Tally.ApprovalDenominator(t.Plus, t.Zero, t.Minus, rules.Abstentions);
        var what = rules.Abstentions == AbstentionMode.Count ? "votes" : "+1 and -1 votes (abstentions not counted)";
        if (denominator == 0) return $"no {what} are +1, at least 1 needed {Mark(false)}";
        return $"{t.Plus} of {denominator} {what} are +1, at least {t.PlusNeeded} needed {Mark(t.ApprovalMet)}";
    }

    private static string Mark(bool ok) => ok ? "✅" : "❌";

    private static string CancelReason(Round r) => r.EndReason switch
    {
        EndReason.LabelRemoved => $"the {MarkdownText.Code(r.Profile.Label)} label was removed by {r.EndedBy}",
        EndReason.IssueClosed => $"the issue was closed by {r.EndedBy}",
        EndReason.CancelCommand => $"{r.EndedBy} cancelled it with `/governance cancel`",
        EndReason.Merged => r.EndedBy is null ? "the pull request was merged before the vote was decided" : $"the pull request was merged by {r.EndedBy} before the vote was decided",
        EndReason.PullRequestClosed => $"the pull request was closed by {r.EndedBy}",
        EndReason.ProposalChanged => "the proposal changed after voting opened, so a new round started",
        EndReason.Declined => $"the nominee, {r.EndedBy}, declined the nomination with `/governance decline`",
        EndReason.NotConfirmed => NotConfirmedReason(r),
        _ => "it was cancelled",
    };

    private static void AppendVote(StringBuilder sb, Round r, Detail detail)
    {
        if (r.Electorate is null || r.Tally is null) return;
        var t = r.Tally;
        sb.Append("**Tally** (binding votes of the TSC)").Append(Nl);
        sb.Append("- Quorum: ").Append(QuorumSentence(t)).Append(Nl);
        sb.Append("- Approval: ").Append(ApprovalSentence(t, r.Profile.Rules)).Append(Nl);
        sb.Append($"- Votes: {t.Plus} × +1, {t.Zero} × 0, {t.Minus} × -1").Append(Nl).Append(Nl);

        sb.Append("| TSC member | vote | when (UTC) | |").Append(Nl);
        sb.Append("|---|---|---|---|").Append(Nl);
        foreach (var member in r.Electorate.OrderBy(m => m, StringComparer.OrdinalIgnoreCase).Take(detail.Members))
        {
            var ballot = r.BindingBallots.FirstOrDefault(b => string.Equals(b.Voter, member, StringComparison.OrdinalIgnoreCase));
            sb.Append(ballot is null
                ? $"| {member} | not voted | | |"
                : $"| {member} | {VoteText(ballot.Choice)} | {ballot.At.UtcDateTime:yyyy-MM-dd HH:mm} | [comment]({ballot.Url}) |");
            sb.Append(Nl);
        }

        if (r.Electorate.Count > detail.Members) sb.Append(MoreRows(r.Electorate.Count - detail.Members)).Append(Nl);
        sb.Append(Nl);
        var notVoted = Governance.NotVoted(r);
        if (notVoted.Count > 0 && !r.Phase.IsFinal())
        {
            sb.Append("Not voted yet: ").Append(Names(notVoted, detail.Members)).Append('.').Append(Nl).Append(Nl);
        }

        foreach (var ballot in r.BindingBallots.Where(b => b.Choice == VoteChoice.Reject))
        {
            AppendConcerns(sb, ballot, detail);
        }

        var others = r.NonBindingCounts;
        if (others.Total > 0)
        {
            sb.Append($"Non-binding votes from outside the TSC: {others.Plus} × +1, {others.Zero} × 0, {others.Minus} × -1 (shown, not counted).").Append(Nl).Append(Nl);
        }

        if (r.EditedAfterClose.Count > 0)
        {
            sb.Append($"Not counted: the vote of {Names(r.EditedAfterClose, ListedNames)}, whose comment was edited after the vote closed (its text at the close is unknown).").Append(Nl).Append(Nl);
        }

        AppendEditedByOthers(sb, r);
    }

    private static string VoteText(VoteChoice choice) => choice switch
    {
        VoteChoice.Approve => "+1",
        VoteChoice.Abstain => "0",
        _ => "-1",
    };

    private static void AppendTimeline(StringBuilder sb, Round r)
    {
        var p = r.Profile;
        sb.Append("**Timeline** (UTC)").Append(Nl);
        var started = r.Restarted ? $"new round: the proposal changed after voting opened in round {r.Number - 1}" : $"{MarkdownText.Code(p.Label)} label applied by {r.StartedBy}";
        sb.Append($"- {TimeText.Utc(r.Start)}: {started}; discussion {Durations.Format(p.Discussion)}, voting {Durations.Format(p.Voting)}").Append(Nl);
        AppendNominationTimeline(sb, r);
        foreach (var x in r.Extensions.Take(ListedExtensions))
        {
            sb.Append($"- {TimeText.Utc(x.At)}: {x.By} extended the {(x.Phase == Phase.Discussion ? "discussion" : "vote")} by {Durations.Format(x.Duration)} ([comment]({x.Url}))").Append(Nl);
        }

        if (r.Extensions.Count > ListedExtensions) sb.Append($"- and {Plural(r.Extensions.Count - ListedExtensions, "more extension")}").Append(Nl);
        var votingOpens = r.Phase == Phase.AwaitingNominee || (r.Phase == Phase.Cancelled && r.EndedAt < r.DiscussionEnds) ? null : (DateTimeOffset?)r.DiscussionEnds;
        if (votingOpens is { } opens)
        {
            sb.Append($"- {TimeText.Utc(opens)}: voting {(r.Phase == Phase.Discussion ? "opens" : "opened")}");
            if (r.Electorate is not null) sb.Append($"; electorate frozen: {Names(r.Electorate, ListedMembers)} ({r.Electorate.Count})");
            sb.Append(Nl);
        }

        if (r.Phase == Phase.AwaitingNominee)
        {
            sb.Append($"- {TimeText.Utc(r.Nomination!.ConfirmBy)}: cancelled unless the nominee accepts by then").Append(Nl);
        }
        else if (r.Phase == Phase.Discussion || r.Phase == Phase.Voting)
        {
            sb.Append($"- {TimeText.Utc(r.VotingEnds)}: voting closes{EarlyCloseSuffix(r)}").Append(Nl);
        }
        else if (r.EndedAt is { } ended)
        {
            var why = r.EndReason switch
            {
                EndReason.AllVoted => "vote closed early: every TSC member voted",
                EndReason.Decided => "vote closed early: no missing vote could change the outcome",
                EndReason.Deadline => "vote closed at its deadline",
                _ => "cancelled: " + CancelReason(r),
            };
            sb.Append($"- {TimeText.Utc(ended)}: {why}").Append(Nl);
        }

        sb.Append(Nl);
    }

    private static void AppendEarlierRounds(StringBuilder sb, IReadOnlyList<Round> rounds)
    {
        if (rounds.Count < 2) return;
        sb.Append("**Earlier rounds**").Append(Nl);
        var earlier = rounds.Count - 1;
        if (earlier > ListedRounds) sb.Append($"- {Plural(earlier - ListedRounds, "earlier round")} before these, not listed").Append(Nl);
        foreach (var r in rounds.Skip(Math.Max(0, earlier - ListedRounds)).Take(Math.Min(earlier, ListedRounds)))
        {
            var result = r.Phase == Phase.Cancelled
                ? $"cancelled on {TimeText.Utc(r.EndedAt!.Value)} ({CancelReason(r)})"
                : $"{Outcome(r.Phase)} on {TimeText.Utc(r.EndedAt!.Value)} ({r.Tally!.Plus} × +1, {r.Tally.Zero} × 0, {r.Tally.Minus} × -1 of {r.Tally.Electorate})";
            sb.Append($"- Round {r.Number}, started {TimeText.Utc(r.Start)}: {result}").Append(Nl);
        }

        sb.Append(Nl);
    }

    private static string Outcome(Phase phase) => phase switch
    {
        Phase.Approved => "approved",
        Phase.Rejected => "rejected",
        Phase.NoQuorum => "closed without quorum",
        _ => "cancelled",
    };

    // ---- Help --------------------------------------------------------------------------------------

    private static void AppendHelp(StringBuilder sb, GovernancePolicy policy, bool collapsed)
    {
        if (collapsed) sb.Append("<details><summary>How to take part</summary>").Append(Nl).Append(Nl);
        sb.Append("| command | who | effect |").Append(Nl);
        sb.Append("|---|---|---|").Append(Nl);
        sb.Append("| `/vote +1` (or `yes`, `approve`) | anyone; binding for the TSC | approve |").Append(Nl);
        sb.Append("| `/vote 0` (or `abstain`) | anyone; binding for the TSC | abstain |").Append(Nl);
        sb.Append("| `/vote -1 <concerns>` (or `no`, `reject`) | anyone; binding for the TSC | reject; the concerns are required |").Append(Nl);
        sb.Append("| `/governance extend <duration>` | TSC members | extend the current phase, e.g. `7d` or `36h` |").Append(Nl);
        sb.Append("| `/governance cancel` | TSC members, the issue author | cancel the process |").Append(Nl);
        if (policy.Processes.Any(p => p.Confirm == ConfirmMode.Nominee)) AppendNominationHelp(sb);
        sb.Append("| `/governance help` | anyone | show this help |").Append(Nl).Append(Nl);
        sb.Append("Rules in force:").Append(Nl);
        foreach (var p in policy.Processes)
        {
            var r = p.Rules;
            var abstentions = r.Abstentions == AbstentionMode.Count ? "abstentions count as votes" : "abstentions do not count toward approval";
            var minimum = r.MinApprovals > 0 ? $", and at least {Plural(r.MinApprovals, "+1 vote")}" : "";
            var starts = (p.StartBy == StartBy.Tsc ? "; only a TSC member's label starts it" : "") + ConfirmRule(p);
            sb.Append($"- {MarkdownText.Code(p.Label)}: discussion {Durations.Format(p.Discussion)}, then voting {Durations.Format(p.Voting)}; quorum: {QuorumRuleText(r.Quorum)}; approval: at least {r.Approval} of the votes are +1 ({abstentions}){minimum}; {EarlyCloseRule(r)}{starts}{RestartRule(p)}.").Append(Nl);
        }

        sb.Append("- Your latest vote counts; editing your vote comment changes it (an edit by anyone else does not count), deleting it withdraws it. A -1 must state concerns that could change the vote if addressed.").Append(Nl);
        if (collapsed) sb.Append(Nl).Append("</details>").Append(Nl);
    }

    private static string RestartRule(ProcessProfile p) =>
        p.ProposalChanges == ProposalChangesMode.Restart ? "; a change to the proposal after voting opened starts a new round" : "";


    // ---- Paused ------------------------------------------------------------------------------------

    public static string ConfigProblem(ConfigResult.Invalid invalid)
    {
        var sb = new StringBuilder();
        sb.Append($"{MarkdownText.Code(invalid.Source)} has {Plural(invalid.Errors.Count, "problem")}:").Append(Nl);
        foreach (var e in invalid.Errors.Take(ListedNames))
        {
            var where = e.Line is { } line ? $"line {line}, " : "";
            sb.Append($"- {where}{MarkdownText.Code(e.Key)}: {MarkdownText.Inline(e.Message)}").Append(Nl);
        }

        if (invalid.Errors.Count > ListedNames) sb.Append($"- and {Plural(invalid.Errors.Count - ListedNames, "more problem")}").Append(Nl);

        return sb.ToString();
    }

    public static string TscProblem(string reason) => $"The TSC could not be read: {MarkdownText.Inline(reason)}" + Nl;

    public static string PausedStatusComment(string problem, string? keptState)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.Status).Append(Nl);
        sb.Append("### ⚠️ Governance is paused on this issue").Append(Nl);
        sb.Append("**Why:** nothing starts or is decided until this is fixed; clocks keep running and the process resumes by itself.").Append(Nl).Append(Nl);
        sb.Append(problem).Append(Nl);
        if (keptState is not null) sb.Append(keptState).Append(Nl);
        return sb.ToString();
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
