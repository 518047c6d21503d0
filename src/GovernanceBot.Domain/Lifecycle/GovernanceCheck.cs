using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// The <c>governance</c> check run a pull request should carry, from its facts and the decision taken on them: in
/// progress while discussion or voting runs; <c>success</c> when approved (or when no vote is needed); <c>failure</c>
/// when rejected, without quorum, cancelled, or when <c>pull_requests.require</c> asks for a vote it does not have.
/// </summary>
/// <remarks>
/// While the configuration is invalid (or the TSC cannot be read on a pull request with a process) the check stays in
/// progress: which paths need a vote is unknown then, so a required check fails closed until the file is fixed.
/// </remarks>
public static class GovernanceCheck
{
    /// <summary>The check as it should be now; null for a plain issue (only pull requests carry it).</summary>
    /// <param name="statusUrl">the status comment's URL when the caller knows it (it has just created it); else the existing one's is used.</param>
    public static CheckRunView? For(IssueFacts facts, Decision decision, string? statusUrl = null)
    {
        if (facts.PullRequest is not { } pr) return null;
        var details = statusUrl ?? Governance.StatusComments(facts.Comments, facts.BotLogin).FirstOrDefault()?.Url;
        if (decision.Paused || facts.Config is not ConfigResult.Valid { Policy: var policy })
        {
            return new CheckRunView(pr.HeadSha, CheckStatus.InProgress, null, Texts.CheckPausedTitle, Texts.CheckPausedSummary(details), details);
        }

        var rounds = decision.Rounds;
        var needed = policy.Required
            .Select(r => (r.Label, Path: r.FirstMatch(pr.ChangedFiles)))
            .Where(n => n.Path is not null)
            .Select(n => (n.Label, Path: n.Path!))
            .DistinctBy(n => n.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var missing = needed.Where(n => !rounds.Any(r => SameLabel(r.Profile.Label, n.Label))).ToList();
        if (missing.Count > 0)
        {
            return new CheckRunView(
                pr.HeadSha, CheckStatus.Completed, CheckConclusion.Failure,
                Texts.CheckVoteNeededTitle([.. missing.Select(m => m.Label)]), Texts.CheckVoteNeededSummary(missing), details);
        }

        // A required vote decides the check even when a process of another label ran after it.
        var governing = needed.Count > 0
            ? rounds.Last(r => needed.Any(n => SameLabel(r.Profile.Label, n.Label)))
            : rounds.LastOrDefault();
        if (governing is null)
        {
            return new CheckRunView(pr.HeadSha, CheckStatus.Completed, CheckConclusion.Success, Texts.CheckNoVoteTitle, Texts.CheckNoVoteSummary, details);
        }

        var (status, conclusion) = governing.Phase switch
        {
            Phase.AwaitingNominee or Phase.Discussion or Phase.Voting => (CheckStatus.InProgress, (CheckConclusion?)null),
            Phase.Approved => (CheckStatus.Completed, CheckConclusion.Success),
            _ => (CheckStatus.Completed, CheckConclusion.Failure),
        };
        return new CheckRunView(pr.HeadSha, status, conclusion, Texts.CheckTitle(governing), Texts.CheckSummary(governing, facts.Now, details), details);
    }

    private static bool SameLabel(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
