using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The imperative shell around <see cref="Governance.Decide"/>: read the facts from GitHub, decide, and apply only
/// the difference. Idempotent: run twice on the same facts, the second run changes nothing.
/// </summary>
public sealed partial class Reconciler(IGitHub github, TimeProvider time, ILogger<Reconciler> logger, ReplicaOptions? replica = null)
{
    public const string ConfigPath = ".github/governance.yml";

    private readonly ReplicaOptions _replica = replica ?? ReplicaOptions.Single;

    public async Task<ReconcileResult> ReconcileAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var snapshot = await github.GetIssueAsync(issue, cancellationToken);
        if (snapshot is null)
        {
            LogIssueGone(issue.Repo.ToString(), issue.Number);
            return new ReconcileResult(issue, null, [], null, null);
        }

        var botLogin = await github.GetBotLoginAsync(cancellationToken);
        var facts = await ReadFactsAsync(issue, snapshot, botLogin, () => ReadCommentsAsync(issue, botLogin, cancellationToken), cancellationToken);
        var decision = Governance.Decide(facts);
        var plan = WritePlan.For(facts, decision);

        var changes = new List<string>();
        var pending = plan.Comments;
        // Comments now due and what on_decided asks for are written by one replica: the one whose claim survives.
        var claiming = pending.Count > 0 || decision.OnDecided is not null;
        var (statusId, newStatusUrl) = await ApplyStatusAsync(issue, botLogin, plan.Status, claim: claiming, changes, cancellationToken);
        await ApplyLabelsAsync(issue, plan, changes, cancellationToken);
        var transitions = new List<string>();
        var yielded = claiming && !await PostCommentsAsync(issue, botLogin, statusId, pending, changes, transitions, cancellationToken);
        if (!yielded) await ApplyOnDecidedAsync(issue, snapshot, botLogin, decision.OnDecided, changes, cancellationToken);
        var check = GovernanceCheck.For(facts, decision, newStatusUrl);
        await ApplyCheckAsync(issue, check, changes, cancellationToken);

        // A reconcile that changed something at Information; one that found everything as it should be (most deliveries,
        // every sweep of a quiet process) at Debug, so an organisation-wide installation does not log every comment it sees.
        LogReconciled(changes.Count > 0 ? LogLevel.Information : LogLevel.Debug, issue.Repo.ToString(), issue.Number, decision.Outcome ?? "none", changes.Count, decision.NextDeadline);

        // A replica that yielded to another's claim looks again soon, in case the other one stopped before posting.
        var refresh = yielded ? ReconcileResult.Earliest(time.GetUtcNow() + _replica.RecheckAfterYield, decision.RefreshAt) : decision.RefreshAt;
        return new ReconcileResult(issue, decision, changes, decision.NextDeadline, refresh) { Check = check, Title = snapshot.Title, IsPullRequest = snapshot.IsPullRequest, Transitions = transitions };
    }

    /// <summary>
    /// Everything but the issue itself that a decision rests on: configuration, TSC, events, the comments (read by
    /// <paramref name="readComments"/>, in that order), the pull request and when the description was last edited.
    /// </summary>
    private async Task<IssueFacts> ReadFactsAsync(IssueRef issue, IssueSnapshot snapshot, string botLogin, Func<Task<IReadOnlyList<CommentFact>>> readComments, CancellationToken cancellationToken)
    {
        var config = await LoadConfigAsync(issue.Repo, cancellationToken);
        var tsc = await ResolveTscAsync(issue.Repo, config, cancellationToken);
        var events = await github.GetIssueEventsAsync(issue, cancellationToken);
        var comments = await readComments();
        var pull = await ReadPullRequestAsync(issue, snapshot, cancellationToken);
        var bodyEditedAt = await github.GetBodyEditedAtAsync(issue, cancellationToken);
        return new IssueFacts(snapshot, events, comments, botLogin, config, tsc, time.GetUtcNow()) { PullRequest = pull, BodyEditedAt = bodyEditedAt };
    }

    /// <summary>The issue's comments, with who edited each edited one (a vote counts only as its author wrote it).</summary>
    private async Task<IReadOnlyList<CommentFact>> ReadCommentsAsync(IssueRef issue, string botLogin, CancellationToken cancellationToken) =>
        await github.WithEditsAsync(issue, await github.GetCommentsAsync(issue, cancellationToken), botLogin, cancellationToken);

    /// <summary><c>.github/governance.yml</c> in the repository, else in the owner's <c>.github</c> repository, else the defaults.</summary>
    public async Task<ConfigResult> LoadConfigAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var text = await github.GetFileAsync(repo, ConfigPath, cancellationToken);
        if (text is not null) return ConfigParser.Parse(text, $"{repo}/{ConfigPath}");
        var ownerRepo = repo with { Name = ".github" };
        if (!string.Equals(repo.Name, ".github", StringComparison.OrdinalIgnoreCase))
        {
            text = await github.GetFileAsync(ownerRepo, ConfigPath, cancellationToken);
            if (text is not null) return ConfigParser.Parse(text, $"{ownerRepo}/{ConfigPath}");
        }

        return ConfigParser.Parse(null, "defaults");
    }

    private async Task<TscResult> ResolveTscAsync(RepoRef repo, ConfigResult config, CancellationToken cancellationToken)
    {
        if (config is not ConfigResult.Valid valid) return new TscResult.Unavailable("the configuration is invalid");
        switch (valid.Policy.Tsc)
        {
            case TscSource.Members members:
                return new TscResult.Resolved(members.Logins);
            case TscSource.Team team:
                var logins = await github.GetTeamMembersAsync(repo, repo.Owner, team.Slug, cancellationToken);
                if (logins is null)
                {
                    return new TscResult.Unavailable(
                        $"the team {repo.Owner}/{team.Slug} does not exist or the App cannot see it (it needs the Members: read permission); set tsc.members or tsc.team in {ConfigPath}");
                }

                // tsc.emeritus: former members still in the team are listed, never in the electorate.
                logins = [.. logins.Where(l => !valid.Policy.IsEmeritus(l))];
                return logins.Count == 0
                    ? new TscResult.Unavailable($"the team {repo.Owner}/{team.Slug} has no members")
                    : new TscResult.Resolved(logins);
            default:
                throw new InvalidOperationException("unknown TSC source");
        }
    }

    /// <summary>
    /// Applies the plan's status edit, appending this replica's claim when comments are about to be posted (so the status
    /// comment is then edited even when its text is right). Returns the status comment's id, or null when the issue has none,
    /// and its URL when it was created now (the facts read before do not have it).
    /// </summary>
    private async Task<(long? Id, string? NewUrl)> ApplyStatusAsync(IssueRef issue, string botLogin, StatusEdit status, bool claim, List<string> changes, CancellationToken cancellationToken)
    {
        if (status.Body is not { } body) return (null, null);
        var desired = claim ? body + Markers.Claim(_replica.Id) + "\n" : body;
        try
        {
            if (status.ExistingId is not { } existingId)
            {
                var id = await github.PostCommentAsync(issue, desired, cancellationToken);
                changes.Add($"posted the status comment ({id})");
                return await KeepOldestStatusAsync(issue, botLogin, id, changes, cancellationToken);
            }

            if (claim || status.Change == StatusChange.Edit)
            {
                await github.EditCommentAsync(issue.Repo, existingId, desired, cancellationToken);
                changes.Add("updated the status comment");
            }

            return (existingId, null);
        }
        catch (Exception e) when (Refused(issue, "the status comment", e))
        {
            // Without our claim in place, no claim is checked: the other writes go on.
            return (null, null);
        }
    }

    /// <summary>Two replicas may both create a status comment; the oldest is the one, a newer copy of ours is deleted.</summary>
    private async Task<(long Id, string? Url)> KeepOldestStatusAsync(IssueRef issue, string botLogin, long mine, List<string> changes, CancellationToken cancellationToken)
    {
        var statuses = Governance.StatusComments(await github.GetCommentsAsync(issue, cancellationToken), botLogin).ToList();
        if (statuses.Count < 2 || statuses[0].Id == mine) return (mine, statuses.FirstOrDefault(c => c.Id == mine)?.Url);
        await github.DeleteCommentAsync(issue.Repo, mine, cancellationToken);
        changes.Add($"deleted the duplicate status comment ({mine}) another replica had posted first");
        return (statuses[0].Id, statuses[0].Url);
    }

    /// <summary>
    /// Posts the comments now due, if this replica's claim in the status comment survived the settle time; each is
    /// checked by its marker right before posting. False when another replica's claim won (it posts them instead).
    /// </summary>
    private async Task<bool> PostCommentsAsync(IssueRef issue, string botLogin, long? statusId, IReadOnlyList<OutgoingComment> pending, List<string> changes, List<string> transitions, CancellationToken cancellationToken)
    {
        if (_replica.ClaimSettle > TimeSpan.Zero) await Task.Delay(_replica.ClaimSettle, time, cancellationToken);
        var fresh = await github.GetCommentsAsync(issue, cancellationToken);
        if (statusId is { } id && fresh.FirstOrDefault(c => c.Id == id) is { } status && !status.Body.Contains(Markers.Claim(_replica.Id), StringComparison.Ordinal))
        {
            changes.Add("yielded to another replica's claim");
            LogYielded(issue.Repo.ToString(), issue.Number);
            return false;
        }

        foreach (var comment in WritePlan.NotYetPosted(pending, fresh, botLogin))
        {
            try
            {
                var commentId = await github.PostCommentAsync(issue, comment.Body, cancellationToken);
                changes.Add($"posted a comment ({commentId}): {comment.Why}");
                if (comment.Transition is { } transition) transitions.Add(transition);
            }
            catch (Exception e) when (Refused(issue, comment.Why, e))
            {
                // One comment GitHub will never take does not hold back the others; the next reconcile tries it again.
            }
        }

        return true;
    }

    private async Task ApplyLabelsAsync(IssueRef issue, WritePlan plan, List<string> changes, CancellationToken cancellationToken)
    {
        foreach (var label in plan.LabelsToRemove)
        {
            try
            {
                await github.RemoveLabelAsync(issue, label, cancellationToken);
                changes.Add($"removed label {label}");
            }
            catch (Exception e) when (Refused(issue, $"removing label {label}", e))
            {
            }
        }

        foreach (var label in plan.LabelsToAdd)
        {
            try
            {
                var (color, description) = Texts.LabelStyle(label);
                await github.EnsureLabelAsync(issue.Repo, new LabelSpec(label, color, description), cancellationToken);
                await github.AddLabelAsync(issue, label, cancellationToken);
                changes.Add($"added label {label}");
            }
            catch (Exception e) when (Refused(issue, $"adding label {label}", e))
            {
            }
        }
    }

    /// <summary>True, and logged, when GitHub refused a write for good (<see cref="GitHubRefusal"/>): it is skipped, not retried in a loop.</summary>
    private bool Refused(IssueRef issue, string write, Exception exception)
    {
        if (GitHubRefusal.StatusOf(exception) is not { } status) return false;
        LogWriteRefused(issue.Repo.ToString(), issue.Number, write, status);
        return true;
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Issue {Repository}#{IssueNumber} no longer exists; nothing to do")]
    private partial void LogIssueGone(string repository, int issueNumber);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "{Repository}#{IssueNumber}: another replica claimed the comments now due; it posts them")]
    private partial void LogYielded(string repository, int issueNumber);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "{Repository}#{IssueNumber}: GitHub refused {Write} with {StatusCode}; skipped, the other writes go on and the next reconcile tries it again")]
    private partial void LogWriteRefused(string repository, int issueNumber, string write, int statusCode);

    [LoggerMessage(EventId = 1101, Message = "Reconciled {Repository}#{IssueNumber}: {Outcome}, {ChangeCount} change(s), next deadline {NextDeadline}")]
    private partial void LogReconciled(LogLevel level, string repository, int issueNumber, string outcome, int changeCount, DateTimeOffset? nextDeadline);
}
