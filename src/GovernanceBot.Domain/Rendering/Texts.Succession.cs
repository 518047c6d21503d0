using System.Globalization;
using System.Text;
using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Rendering;

/// <summary>One row of the "TSC activity" table.</summary>
/// <param name="LastActivity">when the member last commented (null: nothing found in the installation's repositories).</param>
/// <param name="Url">the issue or pull request of that activity.</param>
/// <param name="Votes">votes cast in rounds of the last 12 months where they were in the electorate.</param>
/// <param name="Rounds">rounds of the last 12 months where they were in the electorate.</param>
public sealed record MemberActivity(string Login, DateTimeOffset? LastActivity, string? Url, int Votes, int Rounds);

/// <summary>Succession (design section 9): the TSC activity issue, its mentions and the membership review issue.</summary>
public static partial class Texts
{
    /// <summary>The marker of the one open "TSC activity" issue in the report repository.</summary>
    public static string ActivityMarker { get; } = Markers.For("tsc-activity");

    /// <summary>The marker of the comment mentioning <paramref name="login"/> past contact_after, for the inactivity spell that began at <paramref name="since"/>.</summary>
    public static string ContactMarker(string login, DateTimeOffset? since) => Markers.For($"tsc-contact:{login.ToLowerInvariant()}:{Spell(since)}");

    /// <summary>The marker of the review issue about <paramref name="login"/> for the inactivity spell that began at <paramref name="since"/>.</summary>
    public static string ReviewMarker(string login, DateTimeOffset? since) => Markers.For($"tsc-review:{login.ToLowerInvariant()}:{Spell(since)}");

    private static string Spell(DateTimeOffset? since) => since is { } s ? Date(s) : "never";

    public const string ActivityIssueTitle = "TSC activity";

    /// <summary>The activity issue's body: the members' last activity and participation; it changes only when a row does.</summary>
    public static string ActivityIssueBody(IReadOnlyList<MemberActivity> members, SuccessionSettings settings, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append(ActivityMarker).Append(Nl);
        sb.Append("Each TSC member's last activity in the organisation's repositories (their latest comment, vote included, as GitHub's search finds it) ")
            .Append("and their participation over the last 12 months: the votes they cast / the rounds whose electorate they were in. ")
            .Append($"A member inactive for {Durations.Format(settings.ContactAfter)} is mentioned here once; after {Durations.Format(settings.ReviewAfter)} ")
            .Append($"a review of their membership is opened with the label `{SuccessionSettings.ReviewLabel}`.").Append(Nl).Append(Nl);
        sb.Append("| Member | Last activity | Votes / rounds (12 months) |").Append(Nl);
        sb.Append("|---|---|---|").Append(Nl);
        foreach (var m in members)
        {
            var last = m.LastActivity is { } at
                ? m.Url is { } url ? $"[{Date(at)}]({url})" : Date(at)
                : "none found";
            sb.Append($"| {MarkdownText.Code(m.Login)} | {last} | {m.Votes} / {m.Rounds} |").Append(Nl);
        }

        sb.Append(Nl).Append($"Checked once a day by the governance bot (the table changes only when a row does; last change {Date(now)}). ")
            .Append("A member with no activity found is listed but not contacted: there is no date to count from.").Append(Nl);
        return sb.ToString();
    }

    /// <summary>The one comment mentioning a member who passed contact_after.</summary>
    public static string ContactComment(MemberActivity member, SuccessionSettings settings, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append(ContactMarker(member.Login, member.LastActivity)).Append(Nl);
        sb.Append('@').Append(member.Login).Append(", ");
        sb.Append(member.LastActivity is { } at
            ? $"we have not seen you in the organisation's repositories since {Date(at)} ({(int)(now - at).TotalDays} days)."
            : "we have found no activity of yours in the organisation's repositories.");
        sb.Append($" The charter asks us to check in after {Durations.Format(settings.ContactAfter)} of inactivity: ")
            .Append("a comment here is enough to say you are still with us. ")
            .Append($"After {Durations.Format(settings.ReviewAfter)} of inactivity the TSC reviews the membership.").Append(Nl);
        return sb.ToString();
    }

    public static string ReviewIssueTitle(string login) => $"TSC membership review: {login}";

    /// <summary>The review issue opened when a member passes review_after (labelled <see cref="SuccessionSettings.ReviewLabel"/>).</summary>
    public static string ReviewIssueBody(MemberActivity member, SuccessionSettings settings, string activityUrl, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append(ReviewMarker(member.Login, member.LastActivity)).Append(Nl);
        sb.Append(MarkdownText.Code(member.Login)).Append(' ');
        sb.Append(member.LastActivity is { } at
            ? $"has not been active in the organisation's repositories since {Date(at)} ({(int)(now - at).TotalDays} days)"
            : "has no activity the bot could find in the organisation's repositories");
        sb.Append($", past the {Durations.Format(settings.ReviewAfter)} after which the charter reviews a member's status. ")
            .Append($"Participation over the last 12 months: {member.Votes} vote(s) in {member.Rounds} round(s). ")
            .Append($"See the [TSC activity]({activityUrl}) issue. ")
            .Append("The TSC decides here whether they stay, become emeritus (tsc.emeritus) or leave.").Append(Nl);
        return sb.ToString();
    }

    /// <summary><c>check</c>'s lines about tsc.emeritus and succession (nothing when neither is set).</summary>
    public static string CheckSuccession(GovernancePolicy policy)
    {
        var sb = new StringBuilder();
        if (policy.Emeritus.Count > 0)
            sb.Append($"Emeritus (listed, never in the electorate): {string.Join(", ", policy.Emeritus)}.").Append(Nl);
        if (policy.Succession is { } s)
        {
            sb.Append($"Succession (read from the owner's .github repository): the TSC activity issue is kept in {s.Report}; ")
                .Append($"a member inactive for {Durations.Format(s.ContactAfter)} is mentioned there once, ")
                .Append($"after {Durations.Format(s.ReviewAfter)} a review issue labelled {SuccessionSettings.ReviewLabel} is opened.").Append(Nl);
        }

        return sb.ToString();
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
