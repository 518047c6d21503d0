using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>What one reconcile changed on GitHub, and when the issue next needs looking at.</summary>
public sealed record ReconcileResult(
    IssueRef Issue,
    Decision? Decision,
    IReadOnlyList<string> Changes,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? RefreshAt)
{
    public bool Changed => Changes.Count > 0;

    /// <summary>The earliest moment the issue should be reconciled again by time alone.</summary>
    public DateTimeOffset? WakeAt => (NextDeadline, RefreshAt) switch
    {
        ({ } d, { } r) => d < r ? d : r,
        ({ } d, null) => d,
        (null, var r) => r,
    };
}

/// <summary>
/// The imperative shell around <see cref="Governance.Decide"/>: read the facts from GitHub, decide, and apply only
/// the difference. Idempotent: run twice on the same facts, the second run changes nothing.
/// </summary>
public sealed partial class Reconciler(IGitHub github, TimeProvider time, ILogger<Reconciler> logger)
{
    public const string ConfigPath = ".github/governance.yml";

    public async Task<ReconcileResult> ReconcileAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        var snapshot = await github.GetIssueAsync(issue, cancellationToken);
        if (snapshot is null)
        {
            LogIssueGone(issue.Repo.ToString(), issue.Number);
            return new ReconcileResult(issue, null, [], null, null);
        }

        var botLogin = await github.GetBotLoginAsync(cancellationToken);
        var config = await LoadConfigAsync(issue.Repo, cancellationToken);
        var tsc = await ResolveTscAsync(issue.Repo, config, cancellationToken);
        var events = await github.GetIssueEventsAsync(issue, cancellationToken);
        var comments = await github.GetCommentsAsync(issue, cancellationToken);
        var facts = new IssueFacts(snapshot, events, comments, botLogin, config, tsc, time.GetUtcNow());
        var decision = Governance.Decide(facts);

        var changes = new List<string>();
        await ApplyStatusAsync(issue, facts, decision, changes, cancellationToken);
        await ApplyLabelsAsync(issue, snapshot, decision, changes, cancellationToken);
        await ApplyCommentsAsync(issue, facts, decision, changes, cancellationToken);

        LogReconciled(issue.Repo.ToString(), issue.Number, decision.Outcome ?? "none", changes.Count, decision.NextDeadline);
        return new ReconcileResult(issue, decision, changes, decision.NextDeadline, decision.RefreshAt);
    }

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

                return logins.Count == 0
                    ? new TscResult.Unavailable($"the team {repo.Owner}/{team.Slug} has no members")
                    : new TscResult.Resolved(logins);
            default:
                throw new InvalidOperationException("unknown TSC source");
        }
    }

    private async Task ApplyStatusAsync(IssueRef issue, IssueFacts facts, Decision decision, List<string> changes, CancellationToken cancellationToken)
    {
        if (decision.StatusComment is not { } body) return;
        var existing = facts.Comments
            .Where(c => string.Equals(c.Author, facts.BotLogin, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(Markers.Status, StringComparison.Ordinal))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .FirstOrDefault();
        if (existing is null)
        {
            var id = await github.PostCommentAsync(issue, body, cancellationToken);
            changes.Add($"posted the status comment ({id})");
        }
        else if (!string.Equals(existing.Body, body, StringComparison.Ordinal))
        {
            await github.EditCommentAsync(issue.Repo, existing.Id, body, cancellationToken);
            changes.Add("updated the status comment");
        }
    }

    private async Task ApplyLabelsAsync(IssueRef issue, IssueSnapshot snapshot, Decision decision, List<string> changes, CancellationToken cancellationToken)
    {
        var current = snapshot.Labels.Where(PhaseLabels.IsPhaseLabel).ToList();
        foreach (var label in current.Where(l => !decision.PhaseLabels.Contains(l, StringComparer.OrdinalIgnoreCase)))
        {
            await github.RemoveLabelAsync(issue, label, cancellationToken);
            changes.Add($"removed label {label}");
        }

        foreach (var label in decision.PhaseLabels.Where(l => !current.Contains(l, StringComparer.OrdinalIgnoreCase)))
        {
            var (color, description) = Texts.LabelStyle(label);
            await github.EnsureLabelAsync(issue.Repo, new LabelSpec(label, color, description), cancellationToken);
            await github.AddLabelAsync(issue, label, cancellationToken);
            changes.Add($"added label {label}");
        }
    }

    private async Task ApplyCommentsAsync(IssueRef issue, IssueFacts facts, Decision decision, List<string> changes, CancellationToken cancellationToken)
    {
        var posted = facts.Comments
            .Where(c => string.Equals(c.Author, facts.BotLogin, StringComparison.OrdinalIgnoreCase))
            .Select(c => Markers.KeyOf(c.Body))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var comment in decision.Comments.Where(c => !posted.Contains(c.Key)))
        {
            var id = await github.PostCommentAsync(issue, comment.Body, cancellationToken);
            changes.Add($"posted a comment ({id}): {comment.Why}");
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Issue {Repository}#{IssueNumber} no longer exists or is not an issue; nothing to do")]
    private partial void LogIssueGone(string repository, int issueNumber);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Reconciled {Repository}#{IssueNumber}: {Outcome}, {ChangeCount} change(s), next deadline {NextDeadline}")]
    private partial void LogReconciled(string repository, int issueNumber, string outcome, int changeCount, DateTimeOffset? nextDeadline);
}
