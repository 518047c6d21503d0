using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words for <c>on_decided</c>: the announcement on another issue, and the record on the decided issue.</summary>
public static partial class Texts
{
    // The issue names here come from the configuration (an owner, a repository name and a number, all validated) or
    // from GitHub, never from people's text; they are written as they are so that GitHub links them.

    /// <summary>
    /// The one line posted on the announcement issue. With <paramref name="withTally"/> false (a private vote), only the
    /// outcome and the link: no title, no names, no tally.
    /// </summary>
    /// <param name="source">the decided issue, "owner/repo#12".</param>
    public static string Announcement(Round r, string source, string sourceUrl, string title, bool withTally)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.AnnouncementKey(source, r.Key))).Append(Nl);
        var outcome = r.Phase switch
        {
            Phase.Approved => "approved",
            Phase.Rejected => "rejected",
            _ => "closed without quorum",
        };
        sb.Append($"📣 [{source}]({sourceUrl}) ({MarkdownText.Inline(r.Profile.DisplayName)})");
        if (withTally) sb.Append($" “{MarkdownText.Inline(title)}”");
        sb.Append($": **{outcome}** on {TimeText.Utc(r.EndedAt!.Value)}");
        if (withTally && r.Tally is { } t) sb.Append($" ({t.Plus} × +1, {t.Zero} × 0, {t.Minus} × -1; {t.Cast} of {t.Electorate} TSC members voted)");
        sb.Append('.').Append(Nl);
        return sb.ToString();
    }

    /// <summary>The record, on the decided issue, of what <c>on_decided</c> did; posted once all of it was done.</summary>
    /// <param name="target">the announcement issue ("owner/repo#12"), or null when there is none.</param>
    /// <param name="announceProblem">why it could not be announced on <paramref name="target"/>, or null.</param>
    public static string Recorded(Round r, string? target, string? announcedUrl, string? announceProblem, bool locked, bool closed)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(Markers.RecordedKey(r.Key))).Append(Nl);
        var done = new List<string>();
        if (target is not null && announceProblem is null) done.Add($"the outcome is announced on [{target}]({announcedUrl})");
        if (locked) done.Add("this conversation is locked");
        if (closed) done.Add("this issue is closed");
        if (done.Count > 0) sb.Append("📋 As this process's configuration asks once a vote is decided: ").Append(string.Join("; ", done)).Append('.').Append(Nl);
        if (target is not null && announceProblem is not null)
        {
            sb.Append($"⚠️ The outcome could not be announced on {target}: {announceProblem}. ");
            sb.Append("The bot will not try again; post it by hand, or fix `on_decided.announce`.").Append(Nl);
        }

        return sb.ToString();
    }

    /// <summary>Why GitHub refused the announcement, from its status code, in words a maintainer can act on.</summary>
    public static string AnnounceRefusal(int status) => status switch
    {
        403 => "GitHub refused the App's comment there (403): the App is not installed on that repository with this installation, or lacks the Issues permission there",
        404 => "GitHub does not show the App that issue (404): it does not exist, or its repository is not covered by this installation of the App",
        410 => "that issue was deleted or its repository's issues are switched off (410)",
        _ => $"GitHub refused the comment ({status}), for example because that issue is locked",
    };
}
