using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The pull-request part of a reconcile: read what only a pull request has (head, merge state, commits, changed paths),
/// and keep the App's <c>governance</c> check run on the head showing what the decision says. A check run is written
/// only when it differs: created when the head has none (a push moves the head, so the new head gets one at once),
/// updated otherwise.
/// </summary>
public sealed partial class Reconciler
{
    /// <summary>The pull request's head, merge state, commits and changed paths; null for an issue (nothing is read) or when GitHub no longer has it.</summary>
    private async Task<PullRequestFacts?> ReadPullRequestAsync(IssueRef issue, IssueSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (!snapshot.IsPullRequest) return null;
        try
        {
            if (await github.GetPullRequestAsync(issue, cancellationToken) is not { } pull) return null;
            var commits = await github.GetPullRequestCommitsAsync(issue, cancellationToken);
            var files = await github.GetPullRequestFilesAsync(issue, cancellationToken);
            var mergedAt = pull.Merged ? pull.MergedAt ?? time.GetUtcNow() : (DateTimeOffset?)null;
            return new PullRequestFacts(pull.HeadSha, mergedAt, pull.MergedBy, commits, files);
        }
        catch (Exception e) when (GitHubRefusal.IsMissingPermission(e))
        {
            // Without Pull requests: read the process still runs, through the issue endpoints, as on an issue.
            LogMissingPermission(issue.Repo.ToString(), issue.Number, "Pull requests: read", "the process runs as on an issue, without the governance check");
            return null;
        }
    }

    /// <summary>
    /// Makes the head's <c>governance</c> check show <paramref name="view"/> (nothing to do for an issue). A completed
    /// run is not reopened: when the check goes back to in progress (a new round) a new run replaces it, as a re-run does.
    /// </summary>
    private async Task ApplyCheckAsync(IssueRef issue, CheckRunView? view, List<string> changes, CancellationToken cancellationToken)
    {
        if (view is null) return;
        var headSha = view.HeadSha;
        var desired = Spec(view);
        var what = desired.ConclusionName ?? desired.StatusName;
        try
        {
            var existing = await github.FindCheckRunAsync(issue.Repo, headSha, CheckRunView.Name, cancellationToken);
            if (existing is not null && existing.Shown == desired) return;
            if (existing is null || (existing.Shown.Status == CheckRunStatus.Completed && desired.Status != CheckRunStatus.Completed))
            {
                var id = await github.CreateCheckRunAsync(issue.Repo, headSha, CheckRunView.Name, desired, cancellationToken);
                changes.Add($"created the governance check ({id}) on {Short(headSha)}: {what}");
                return;
            }

            await github.UpdateCheckRunAsync(issue.Repo, existing.Id, desired, cancellationToken);
            changes.Add($"updated the governance check on {Short(headSha)}: {what}");
        }
        catch (Exception e) when (Refused(issue, "the governance check", e))
        {
        }
        catch (Exception e) when (GitHubRefusal.IsMissingPermission(e))
        {
            // Without Checks: write (an installation that has not accepted the new permission) the rest still works.
            LogMissingPermission(issue.Repo.ToString(), issue.Number, "Checks: write", "the governance check is not written");
        }
    }

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{Repository}#{IssueNumber}: the installation lacks {Permission} (an owner has to accept the App's new permissions); {Consequence}")]
    private partial void LogMissingPermission(string repository, int issueNumber, string permission, string consequence);

    /// <summary>The domain's view of the check as the GitHub seam writes it.</summary>
    internal static CheckRunSpec Spec(CheckRunView view) => new(
        view.Status == CheckStatus.Completed ? CheckRunStatus.Completed : CheckRunStatus.InProgress,
        view.Conclusion switch
        {
            CheckConclusion.Success => CheckRunConclusion.Success,
            CheckConclusion.Failure => CheckRunConclusion.Failure,
            _ => null,
        },
        view.Title,
        view.Summary,
        view.DetailsUrl);

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
