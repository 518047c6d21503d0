using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The <c>audit OWNER/REPO#N</c> command's words: plain text for a terminal.</summary>
public static partial class Texts
{
    public const string AuditUsage =
        """
        usage: GovernanceBot audit OWNER/REPO#N [--token TOKEN] [--api-url URL] [--bot LOGIN]

        Recomputes every round of the issue from GitHub's facts (events, comments and their edit history, and the
        rules frozen when voting opened) and compares the result with the state the bot recorded.
        Any read-only token will do (GITHUB_TOKEN when --token is absent); none is needed for a public repository
        on github.com. The bot is the bot account that wrote the oldest status comment, or --bot LOGIN
        (e.g. governance-bot[bot]). Exit 0 when they agree, 1 when they differ, 2 for bad usage or an issue that cannot be read.

        """;

    public static string AuditBadTarget(string given) => $"audit: “{given}” is not OWNER/REPO#N (for example octo-org/rfcs#12)." + Nl;

    public static string AuditBadApiUrl(string given) => $"audit: “{given}” is not an absolute http(s) URL." + Nl;

    public static string AuditNotFound(string issue) =>
        $"audit: {issue} was not found (no such repository or issue, or the token cannot see it)." + Nl;

    public static string AuditUnauthorized(string issue) =>
        $"audit: GitHub refused the token while reading {issue} (401 Bad credentials): give a valid read-only token with --token or GITHUB_TOKEN." + Nl;

    public static string AuditNeedsToken(string issue) =>
        $"audit: GitHub answered 401 while reading {issue} without a token (its GraphQL API, which gives the edit history, needs one): give a read-only token with --token or GITHUB_TOKEN." + Nl;

    public static string AuditUnreadable(string issue, string reason) => $"audit: {issue} could not be read: {reason}" + Nl;

    public static string AuditNoBot(string issue, string? bot) =>
        $"audit: {issue} has no status comment written by {bot ?? "a bot account"}: there is no recorded decision to check." + Nl;

    /// <summary>The report: each round as recomputed (tally, electorate, every counted vote with its link), then the verdict.</summary>
    public static string AuditReport(AuditReport report)
    {
        var sb = new StringBuilder();
        sb.Append($"Audit of {report.Issue}").Append(Nl);
        sb.Append(report.StatusUrl is { } url
            ? $"Recorded state: the status comment of {report.BotLogin}, {url}"
            : $"Recorded state: none (no status comment of {report.BotLogin})").Append(Nl);
        if (report.Rounds.Count == 0) sb.Append(Nl).Append("No round of a process was found in the issue's events.").Append(Nl);
        foreach (var round in report.Rounds) AppendAuditRound(sb, round);

        sb.Append(Nl);
        if (report.Agrees)
        {
            sb.Append("Agrees: every round recomputed from GitHub's facts matches the state the bot recorded.").Append(Nl);
            return sb.ToString();
        }

        sb.Append($"Differs: {Plural(report.Differences.Count, "difference")} from the state the bot recorded:").Append(Nl);
        foreach (var d in report.Differences) sb.Append("- ").Append(AuditDifferenceText(d)).Append(Nl);
        return sb.ToString();
    }

    /// <summary>The binding votes of a round as one comparable line: "alice +1 (101), bob -1 (102)".</summary>
    public static string AuditBallots(IEnumerable<Ballot> ballots) => string.Join(
        ", ",
        ballots.OrderBy(b => b.Voter, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.CommentId).Select(b => $"{b.Voter} {VoteText(b.Choice)} ({b.CommentId})"));

    private static void AppendAuditRound(StringBuilder sb, Round r)
    {
        sb.Append(Nl).Append($"Round {r.Number} ({r.Key}), started by {r.StartedBy} on {TimeText.Utc(r.Start)}: {AuditPhase(r)}").Append(Nl);
        if (r.EndedAt is { } ended) sb.Append($"  Ended: {TimeText.Utc(ended)} ({AuditEndReason(r)})").Append(Nl);
        if (r.Electorate is not { } electorate || r.Tally is not { } t) return;
        sb.Append($"  Voting opened: {TimeText.Utc(r.DiscussionEnds)}, deadline {TimeText.Utc(r.VotingEnds)}").Append(Nl);
        sb.Append($"  Electorate ({electorate.Count}): {string.Join(", ", electorate.Order(StringComparer.OrdinalIgnoreCase))}").Append(Nl);
        sb.Append($"  Tally: {t.Plus} × +1, {t.Zero} × 0, {t.Minus} × -1").Append(Nl);
        sb.Append($"  Quorum: {QuorumSentence(t)}").Append(Nl);
        sb.Append($"  Approval: {ApprovalSentence(t, r.Profile.Rules)}").Append(Nl);
        sb.Append(r.BindingBallots.Any() ? "  Counted votes:" : "  Counted votes: none").Append(Nl);
        foreach (var b in r.BindingBallots) sb.Append($"    {b.Voter} {VoteText(b.Choice)} at {TimeText.Utc(b.At)} {b.Url}").Append(Nl);
        var notVoted = Governance.NotVoted(r);
        if (notVoted.Count > 0) sb.Append($"  Did not vote: {string.Join(", ", notVoted)}").Append(Nl);
        foreach (var b in r.NonBindingBallots) sb.Append($"  Non-binding (not in the electorate): {b.Voter} {VoteText(b.Choice)} {b.Url}").Append(Nl);
        if (r.EditedAfterClose.Count > 0) sb.Append($"  Not counted, edited after the close with no readable history: {string.Join(", ", r.EditedAfterClose)}").Append(Nl);
        foreach (var e in r.EditedByOthers)
        {
            sb.Append($"  Edited by {e.Editor}, not by {e.Author}: {(e.Counted ? "counted as its author wrote it" : "not counted")} {e.Url}").Append(Nl);
        }
    }

    private static string AuditPhase(Round r) => r.Phase switch
    {
        Phase.Discussion => "in discussion",
        Phase.Voting => "voting open",
        _ => r.Phase.Slug(),
    };

    private static string AuditEndReason(Round r) => r.EndReason switch
    {
        EndReason.Deadline => "the voting deadline passed",
        EndReason.AllVoted => "every member of the electorate had voted",
        EndReason.Decided => "the result could no longer change",
        _ => CancelReason(r),
    };

    private static string AuditDifferenceText(AuditDifference d)
    {
        var round = d.RoundKey is { } key ? $"round {key}: " : "";
        return d.Problem switch
        {
            AuditProblem.NoStatusComment => "the issue has no status comment written by the bot, so nothing was recorded",
            AuditProblem.ForgedCopy => $"a copy of the status comment or its state block was posted by {d.Recorded}, not by the bot; it is not the record: {d.Recomputed}",
            AuditProblem.StatusEditedByOther => $"the bot's status comment was last edited by {d.Recorded}, not by the bot; its record is not trusted: {d.Recomputed}",
            AuditProblem.NotRecorded => $"{round}recomputed as {d.Recomputed}, but the state block records no outcome",
            AuditProblem.NotRecomputed => $"{round}recorded in the state block, but no such round follows from the issue's events",
            AuditProblem.Outcome => $"{round}outcome recorded {d.Recorded}, recomputed {d.Recomputed}",
            AuditProblem.ClosedAt => $"{round}closed at {d.Recorded} as recorded, {d.Recomputed} as recomputed",
            AuditProblem.Electorate => $"{round}electorate recorded {d.Recorded}, recomputed {d.Recomputed}",
            AuditProblem.ElectorateOpened => $"{round}electorate recorded {d.Recorded}, but the voting-opened comment named {d.Recomputed}",
            AuditProblem.Votes => $"{round}votes recorded [{d.Recorded}], recomputed [{d.Recomputed}]",
            _ => $"{round}{d.Recorded} / {d.Recomputed}",
        };
    }
}
