using System.Text;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words of the <c>governance</c> check run on a pull request (<see cref="GovernanceCheck"/>).</summary>
public static partial class Texts
{
    /// <summary>One line: the phase and the arithmetic, e.g. "Voting: 3 of 5 voted, quorum 3, 2 of 3 +1".</summary>
    public static string CheckTitle(Round r) => r.Phase switch
    {
        Phase.AwaitingNominee => $"Awaiting the nominee: cancelled unless they accept by {TimeText.Utc(r.Nomination!.ConfirmBy)}",
        Phase.Discussion => $"Discussion: voting opens {TimeText.Utc(r.DiscussionEnds)}",
        Phase.Voting => "Voting: " + Arithmetic(r),
        Phase.Approved => "Approved: " + Arithmetic(r),
        Phase.Rejected => "Rejected: " + Arithmetic(r),
        Phase.NoQuorum => "No quorum: " + Arithmetic(r),
        _ => "Cancelled: " + CancelReason(r),
    };

    /// <summary>"3 of 5 voted, quorum 3, 2 of 3 +1": the +1 share is left out while no vote counts toward it.</summary>
    internal static string Arithmetic(Round r)
    {
        var t = r.Tally!;
        var denominator = Tally.ApprovalDenominator(t.Plus, t.Zero, t.Minus, r.Profile.Rules.Abstentions);
        var share = denominator == 0 ? "" : $", {t.Plus} of {denominator} +1";
        return $"{t.Cast} of {t.Electorate} voted, quorum {t.QuorumNeeded}{share}";
    }

    /// <summary>Markdown: where the round stands and until when, what is still needed or why it ended, and the proposal changes.</summary>
    public static string CheckSummary(Round r, DateTimeOffset now, string? statusUrl)
    {
        var sb = new StringBuilder();
        sb.Append(Headline(r, r.Profile.DisplayName, now)).Append(Nl).Append(Nl);
        sb.Append(NextLine(r, now)).Append(Nl).Append(Nl);
        AppendProposalChanges(sb, r);
        sb.Append(StatusLink(statusUrl)).Append(Nl);
        return sb.ToString();
    }

    /// <summary>The title of the check on a pull request that changes paths needing a vote it does not have.</summary>
    public static string CheckVoteNeededTitle(IReadOnlyList<string> labels) => $"Vote needed: {string.Join(", ", labels)}";

    /// <summary>"This change needs a governance-amendment vote: add the label to start it", and which file made it so.</summary>
    public static string CheckVoteNeededSummary(IReadOnlyList<(string Label, string Path)> needed)
    {
        var sb = new StringBuilder();
        foreach (var (label, path) in needed)
        {
            sb.Append($"This change needs a {label} vote: add the label to start it. ");
            sb.Append($"It changes {MarkdownText.Code(path)}, which `pull_requests.require` in the governance configuration puts under the {MarkdownText.Code(label)} process.").Append(Nl).Append(Nl);
        }

        sb.Append("This check passes once the vote approves the change.").Append(Nl);
        return sb.ToString();
    }

    public const string CheckNoVoteTitle = "No governance vote needed";

    public static string CheckNoVoteSummary { get; } =
        "No governance process runs on this pull request, and it changes no path that `pull_requests.require` puts under a vote. A trigger label starts one." + Nl;

    public const string CheckPausedTitle = "Paused: the governance configuration or the TSC cannot be read";

    public static string CheckPausedSummary(string? statusUrl) =>
        "Nothing starts or is decided until this is fixed; the check completes once governance can be decided again." + Nl + Nl + StatusLink(statusUrl) + Nl;

    private static string StatusLink(string? statusUrl) => statusUrl is null
        ? "The status comment on the pull request has the full tally, the electorate and every concern."
        : $"The [status comment]({statusUrl}) has the full tally, the electorate and every concern.";

    // ---- Proposal changes --------------------------------------------------------------------------

    /// <summary>Commits listed one by one before "and N more".</summary>
    public const int ListedCommits = 10;

    /// <summary>"⚠️ 3 commits pushed after voting opened:" with their short SHAs, and the body edit: shared by the status comment and the check.</summary>
    private static void AppendProposalChanges(StringBuilder sb, Round r)
    {
        var changes = r.Changes;
        if (!changes.Any) return;
        if (changes.Commits.Count > 0)
        {
            sb.Append($"⚠️ **{Plural(changes.Commits.Count, "commit")} pushed after voting opened**");
            var goesOn = r.Phase == Phase.Voting && r.Profile.ProposalChanges == ProposalChangesMode.Flag;
            sb.Append(goesOn ? "; the vote goes on, on the changed proposal:" : ":").Append(Nl);
            foreach (var c in changes.Commits.Take(ListedCommits))
            {
                var sha = MarkdownText.Code(c.ShortSha);
                var shown = c.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? $"[{sha}]({url})" : sha;
                sb.Append($"- {shown} {MarkdownText.Inline(c.Headline)} ({TimeText.Utc(c.At)})").Append(Nl);
            }

            if (changes.Commits.Count > ListedCommits) sb.Append($"- and {Plural(changes.Commits.Count - ListedCommits, "more commit")}").Append(Nl);
            sb.Append(Nl);
        }

        if (changes.BodyEditedAt is { } edited)
        {
            sb.Append($"⚠️ **The description was edited after voting opened** (last on {TimeText.Utc(edited)}).").Append(Nl).Append(Nl);
        }
    }
}
