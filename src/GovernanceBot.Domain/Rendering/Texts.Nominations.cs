using System.Text;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words of nominations (<c>confirm: nominee</c>): the status while the nominee is awaited, the request to them, the refusals.</summary>
public static partial class Texts
{
    private static string AwaitingHeadline(Round r, string name, DateTimeOffset now)
    {
        var n = r.Nomination!;
        var who = n.Nominee is null ? "waiting for a nominee" : $"waiting for {n.Nominee} to accept";
        return $"⏳ {name}: {who} until {TimeText.Utc(n.ConfirmBy)} ({TimeText.Left(n.ConfirmBy, now)})";
    }

    private static string AwaitingNextLine(Round r, DateTimeOffset now)
    {
        var n = r.Nomination!;
        var by = $"by {TimeText.Utc(n.ConfirmBy)} ({TimeText.Left(n.ConfirmBy, now)})";
        return n.Nominee is null
            ? $"**Needed:** the issue's author or a TSC member names the nominee with `/governance nominate <login>`, and the nominee accepts {by}; otherwise the process is cancelled."
            : $"**Needed:** {n.Nominee} confirms with `/governance accept` (or declines with `/governance decline`) {by}; the discussion starts when they accept, otherwise the process is cancelled.";
    }

    private static string NotConfirmedReason(Round r) => r.Nomination?.Nominee is { } nominee
        ? $"the nominee, {nominee}, did not accept within {Durations.Format(r.Profile.ConfirmWithin)}"
        : $"nobody was nominated and accepted within {Durations.Format(r.Profile.ConfirmWithin)}";

    private static void AppendNominationTimeline(StringBuilder sb, Round r)
    {
        if (r.Nomination is not { } n) return;
        if (n is { Nominee: { } nominee, NominatedAt: { } at })
        {
            var replaced = n.Replaced.Count > 0 ? $" (replacing {Names(n.Replaced, ListedNames)})" : "";
            sb.Append($"- {TimeText.Utc(at)}: {n.NominatedBy} nominated {nominee}{replaced}").Append(Nl);
        }

        if (n.AcceptedAt is { } accepted)
        {
            sb.Append($"- {TimeText.Utc(accepted)}: {n.Nominee ?? "the nominee"} accepted; the discussion started").Append(Nl);
        }
    }

    private static void AppendNominationHelp(StringBuilder sb)
    {
        sb.Append("| `/governance nominate <login>` | the issue author, TSC members | name the nominee (before they accept, a new nomination replaces the nominee) |").Append(Nl);
        sb.Append("| `/governance accept` | the nominee | accept the nomination: the discussion starts |").Append(Nl);
        sb.Append("| `/governance decline` | the nominee | decline the nomination: the process is cancelled |").Append(Nl);
    }

    private static string ConfirmRule(ProcessProfile p) => p.Confirm == ConfirmMode.Nominee
        ? $"; the discussion starts when the nominee accepts, and the process is cancelled if they do not within {Durations.Format(p.ConfirmWithin)}"
        : "";

    private static string NominationReplyLine(ReplyItem item) => item switch
    {
        ReplyItem.NoNomination x =>
            $"- {Quoted(x.Line)} was not applied: the {MarkdownText.Code(x.Label)} process takes no nominee (its profile has no `confirm: nominee`).",
        ReplyItem.NotTheNominee { Nominee: null } x =>
            $"- {Quoted(x.Line)} was not applied: nobody has been nominated yet. The issue's author or a TSC member names the nominee with `/governance nominate <login>`; then only the nominee may accept or decline.",
        ReplyItem.NotTheNominee x =>
            $"- {Quoted(x.Line)} was not applied: only the nominee, {x.Nominee}, may accept or decline the nomination.",
        ReplyItem.BeforeAcceptance { IsVote: true } x =>
            $"- {Quoted(x.Line)} was not counted: the nominee has not accepted yet. The discussion starts when they do, and the vote after it; please vote again then.",
        ReplyItem.BeforeAcceptance x =>
            $"- {Quoted(x.Line)} was not applied: the nominee has not accepted yet, so no phase is running to extend. The discussion starts when they accept.",
        ReplyItem.NominationSettled x =>
            $"- {Quoted(x.Line)} was not applied: {x.Nominee} has already accepted and the discussion has started. To stop it, a TSC member or the issue's author may post `/governance cancel`.",
        _ => "",
    };

    /// <summary>The request to the nominee (the one mention), saying what replaced what and until when they may answer.</summary>
    public static string NomineeAsked(string key, Round r, Nomination n)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(key)).Append(Nl);
        sb.Append($"📨 @{n.Nominee}: {n.NominatedBy} nominated you on this {r.Profile.DisplayName}.");
        if (n.Replaced.Count > 0) sb.Append($" This nomination replaces the earlier one of {n.Replaced[^1]}, who no longer needs to answer.");
        sb.Append(Nl).Append(Nl);
        sb.Append("Please answer with a comment:").Append(Nl);
        sb.Append("- `/governance accept` to accept: the TSC's discussion starts then, followed by its vote;").Append(Nl);
        sb.Append("- `/governance decline` to decline: the process is cancelled.").Append(Nl).Append(Nl);
        sb.Append($"Without an answer by {TimeText.Utc(n.ConfirmBy)} ({Durations.Format(r.Profile.ConfirmWithin)} after the nomination), the process is cancelled.").Append(Nl);
        return sb.ToString();
    }

    public static string NomineeAccepted(string key, Round r, Nomination n)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(key)).Append(Nl);
        sb.Append($"✅ {n.Nominee} accepted the nomination on {TimeText.Utc(n.AcceptedAt!.Value)}. ");
        sb.Append($"The discussion runs until {TimeText.Utc(r.DiscussionEnds)}; then the TSC votes until {TimeText.Utc(r.VotingEnds)}.").Append(Nl);
        return sb.ToString();
    }
}
