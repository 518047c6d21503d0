using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// <c>on_decided</c>: announce the outcome on another issue, lock, close, then post the record that it was done. Each
/// step is safe to repeat until the record exists (the announcement is looked for by its marker first, a locked issue
/// is not locked again, a closed one not closed again); once it exists, the decision asks for nothing more.
/// </summary>
public sealed partial class Reconciler
{
    private async Task ApplyOnDecidedAsync(IssueRef issue, IssueSnapshot snapshot, string botLogin, DecidedActions? actions, List<string> changes, CancellationToken cancellationToken)
    {
        if (actions is null) return;
        var round = actions.Round;
        string? target = null, targetUrl = null, problem = null;
        if (actions.Announce is { } address)
        {
            target = address.ToString();
            targetUrl = $"https://github.com/{address.Owner}/{address.Repo}/issues/{address.Number}";
            var where = new IssueRef(issue.Repo with { Owner = address.Owner, Name = address.Repo }, address.Number);
            var key = Markers.AnnouncementKey(issue.ToString(), round.Key);
            try
            {
                var there = await github.GetCommentsAsync(where, cancellationToken);
                if (!there.Any(c => string.Equals(c.Author, botLogin, StringComparison.OrdinalIgnoreCase) && Markers.KeyOf(c.Body) == key))
                {
                    var url = $"https://github.com/{issue.Repo.Owner}/{issue.Repo.Name}/issues/{issue.Number}";
                    var id = await github.PostCommentAsync(where, Texts.Announcement(round, issue.ToString(), url, snapshot.Title, actions.AnnounceTally), cancellationToken);
                    changes.Add($"announced the outcome on {target} ({id})");
                }
            }
            catch (Exception e) when (GitHubRefusal.StatusOf(e) is { } status || GitHubRefusal.IsMissingPermission(e))
            {
                // The installation's token covers only its own repositories: asking again will not change that.
                var code = GitHubRefusal.StatusOf(e) ?? 403;
                problem = Texts.AnnounceRefusal(code);
                LogAnnounceRefused(issue.Repo.ToString(), issue.Number, target, code);
            }
        }

        if (actions.Lock)
        {
            try
            {
                await github.LockIssueAsync(issue, cancellationToken);
                changes.Add("locked the issue");
            }
            catch (Exception e) when (Refused(issue, "locking the issue", e))
            {
            }
        }

        if (actions.Close)
        {
            try
            {
                await github.CloseIssueAsync(issue, cancellationToken);
                changes.Add("closed the issue");
            }
            catch (Exception e) when (Refused(issue, "closing the issue", e))
            {
            }
        }

        try
        {
            var id = await github.PostCommentAsync(issue, Texts.Recorded(round, target, targetUrl, problem, actions.Lock, actions.Close), cancellationToken);
            changes.Add($"posted a comment ({id}): what was done once decided");
        }
        catch (Exception e) when (Refused(issue, "the record of what was done once decided", e))
        {
        }
    }

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "{Repository}#{IssueNumber}: GitHub refused the announcement on {Target} with {StatusCode}: on_decided.announce must name an issue in a repository of the same installation of the App; not tried again")]
    private partial void LogAnnounceRefused(string repository, int issueNumber, string target, int statusCode);
}
