using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Simulation;

/// <summary>
/// Runs a scenario against <see cref="InMemoryGitHub"/> on a virtual clock, reconciling after every step and at
/// every deadline in between, then letting the clock run on until the process is decided (or <c>until</c>).
/// </summary>
public sealed class Simulator
{
    /// <summary>A fixed start, so that the same scenario always prints the same text.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How long the clock may run on after the last step when no <c>until</c> is given.</summary>
    public static readonly TimeSpan DefaultRunOn = TimeSpan.FromDays(400);

    private const int MaxReconciles = 10_000;
    private const string BotLogin = "governance-bot[bot]";
    private static readonly RepoRef Repo = new(1, "example", "project");
    private static readonly IssueRef IssueId = new(Repo, 1);

    public static async Task<SimulationResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var clock = new VirtualClock(Epoch);
        var github = new InMemoryGitHub(clock, BotLogin);
        var reconciler = new Reconciler(github, clock, NullLogger<Reconciler>.Instance);
        github.SetFile(Repo.Owner, Repo.Name, Reconciler.ConfigPath, scenario.Config);
        AnnouncementIssues(github, scenario.Config);
        foreach (var (slug, members) in scenario.Teams) github.SetTeam(Repo.Owner, slug, members);
        if (scenario.PullRequest)
        {
            github.CreatePullRequest(Repo, IssueId.Number, scenario.IssueTitle, scenario.IssueAuthor, [.. scenario.Files.DefaultIfEmpty("README.md")]);
        }
        else
        {
            github.CreateIssue(Repo, IssueId.Number, scenario.IssueTitle, scenario.IssueAuthor);
        }


        var events = new List<SimulationEvent>();
        ReconcileResult? last = null;
        var reconciles = 0;

        var configRead = false;
        IReadOnlyList<string> tsc = [];

        async Task Reconcile(string what, ScenarioStep? step = null)
        {
            if (++reconciles > MaxReconciles) throw new ScenarioException($"the bot was asked to reconcile more than {MaxReconciles} times; the scenario does not settle");
            last = await reconciler.ReconcileAsync(IssueId, cancellationToken);

            // The bot reads the file at every look; the log shows it where it is first read and where it changed.
            ConfigResult? config = null;
            if (!configRead || step?.Action is StepAction.SetConfig)
            {
                configRead = true;
                config = await reconciler.LoadConfigAsync(Repo, cancellationToken);
                tsc = config is ConfigResult.Valid valid ? Members(valid.Policy.Tsc, scenario) : [];
            }

            var vote = step?.Action switch
            {
                StepAction.Comment c => VoteIn(c.Text),
                StepAction.Edit { As: null } e => VoteIn(e.Text),
                _ => null,
            };
            if (vote is not null && step is not null && !tsc.Contains(step.By, StringComparer.OrdinalIgnoreCase)) vote += " (not binding: not in the TSC)";
            var check = scenario.PullRequest ? github.HeadCheck(IssueId) : null;
            events.Add(new SimulationEvent(clock.GetUtcNow(), clock.GetUtcNow() - Epoch, what, last.Changes, last.Decision?.Outcome, last.Decision?.Tally, vote, config, step?.By, check));
        }

        async Task RunDeadlinesUntil(DateTimeOffset limit)
        {
            while (ReconcileResult.Earliest(last?.NextDeadline, last?.Decision?.ReminderAt) is { } deadline && deadline <= limit)
            {
                var name = last!.Decision?.Outcome switch
                {
                    _ when deadline == last.Decision?.ReminderAt && deadline != last.NextDeadline => "reminder due",
                    "awaiting-nominee" => "confirm_within ends",
                    "discussion" => "discussion ends",
                    "voting" => "voting ends",
                    _ => "deadline",
                };
                clock.MoveTo(deadline);
                await Reconcile(name);
            }
        }

        foreach (var step in scenario.Steps)
        {
            var at = Epoch + step.At;
            if (at < clock.GetUtcNow())
            {
                throw new ScenarioException($"line {step.Line}: steps must be in time order; this one is at {step.At} but an earlier one ran later");
            }

            await RunDeadlinesUntil(at);
            clock.MoveTo(at);
            var what = Perform(github, step, scenario.PullRequest);
            await Reconcile(what, step);
        }

        var end = scenario.Until is { } until ? Epoch + until : clock.GetUtcNow() + DefaultRunOn;
        await RunDeadlinesUntil(end);
        if (scenario.Until is not null && end > clock.GetUtcNow())
        {
            clock.MoveTo(end);
            await Reconcile("until");
        }

        var issue = github.GetIssue(IssueId);
        var config = await reconciler.LoadConfigAsync(Repo, cancellationToken);
        var (tscSize, quorum) = config is ConfigResult.Valid v
            ? (v.Policy.Tsc switch
            {
                TscSource.Members m => m.Logins.Count,
                TscSource.Team t => scenario.Teams.TryGetValue(t.Slug, out var members) ? members.Count : 0,
                _ => 0,
            }, v.Policy.Processes.FirstOrDefault()?.Rules.Quorum ?? QuorumRule.Majority)
            : (0, QuorumRule.Majority);
        var status = Governance.StatusComments(issue.Comments, BotLogin).FirstOrDefault();
        return new SimulationResult(events, last?.Decision?.Outcome, [.. issue.Labels], last?.Decision?.Tally, tscSize, quorum, [.. issue.Comments], status is null ? null : Domain.Rendering.Markers.WithoutClaim(status.Body), config)
        {
            PullRequest = scenario.PullRequest,
            IssueOpen = issue.IsOpen,
            IssueLocked = github.IsLocked(IssueId),
            Announcements = Announcements(github, config),
            Check = scenario.PullRequest ? github.HeadCheck(IssueId) : null,
        };
    }

    private static string Perform(InMemoryGitHub github, ScenarioStep step, bool pullRequest)
    {
        var by = step.By;
        var noun = pullRequest ? "pull request" : "issue";
        switch (step.Action)
        {
            case StepAction.Label l:
                github.AsUserAddLabel(IssueId, l.Name, by);
                return $"{by} adds the label `{l.Name}`";
            case StepAction.Unlabel u:
                github.AsUserRemoveLabel(IssueId, u.Name, by);
                return $"{by} removes the label `{u.Name}`";
            case StepAction.Comment c:
                github.AsUserComment(IssueId, c.Text, by);
                return $"{by} comments: {OneLine(c.Text)}";
            case StepAction.Edit e:
                var edited = Nth(github, step, e.Nth);
                github.AsUserEditComment(IssueId, edited.Id, e.Text, e.As);
                return e.As is { } editor
                    ? $"{editor} edits {by}'s comment #{e.Nth} to: {OneLine(e.Text)}"
                    : $"{by} edits their comment #{e.Nth} to: {OneLine(e.Text)}";
            case StepAction.Delete d:
                var deleted = Nth(github, step, d.Nth);
                github.AsUserDeleteComment(IssueId, deleted.Id);
                return $"{by} deletes their comment #{d.Nth}";
            case StepAction.Close:
                github.AsUserClose(IssueId, by);
                return $"{by} closes the {noun}";
            case StepAction.Reopen:
                github.AsUserReopen(IssueId, by);
                return $"{by} reopens the {noun}";
            case StepAction.Push p:
                var head = github.AsUserPush(IssueId, by, p.Commits, [.. p.Files]);
                return $"{by} pushes {(p.Commits == 1 ? "a commit" : $"{p.Commits} commits")}{(p.Files.Count == 0 ? "" : " changing " + string.Join(", ", p.Files))}; the head is now {head[..7]}";
            case StepAction.Merge:
                github.AsUserMerge(IssueId, by);
                return $"{by} merges the pull request";
            case StepAction.SetConfig s:
                github.SetFile(Repo.Owner, Repo.Name, Reconciler.ConfigPath, s.Text);
                AnnouncementIssues(github, s.Text);
                return $"{by} {(s.Text is null ? "deletes" : "changes")} {Reconciler.ConfigPath}";
            default:
                throw new ScenarioException($"line {step.Line}: unknown action");
        }
    }

    private static IReadOnlyList<string> Members(TscSource source, Scenario scenario) => source switch
    {
        TscSource.Members m => m.Logins,
        TscSource.Team t => scenario.Teams.TryGetValue(t.Slug, out var members) ? members : [],
        _ => [],
    };

    /// <summary>"+1", "0" or "-1" when the comment holds exactly one vote command, as the bot would read it; a -1 without concerns says so.</summary>
    private static string? VoteIn(string text)
    {
        var votes = Domain.Commands.CommandParser.Parse(text).OfType<Domain.Commands.Command.Vote>().ToList();
        return votes.Count != 1 ? null : votes[0] switch
        {
            { Choice: Domain.Commands.VoteChoice.Approve } => "+1",
            { Choice: Domain.Commands.VoteChoice.Abstain } => "0",
            { Concerns: var concerns } when string.IsNullOrWhiteSpace(concerns) => "-1 (not counted: no concerns)",
            _ => "-1",
        };
    }

    private static CommentFact Nth(InMemoryGitHub github, ScenarioStep step, int nth)
    {
        var mine = github.CommentsBy(IssueId, step.By);
        if (nth < 1 || nth > mine.Count)
        {
            throw new ScenarioException($"line {step.Line}: {step.By} has {mine.Count} comment(s), so there is no comment #{nth} to change");
        }

        return mine[nth - 1];
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ⏎ ").Trim();
        return line.Length > 100 ? "“" + line[..97] + "...”" : "“" + line + "”";
    }

    /// <summary>The issues <c>on_decided.announce</c> names exist in the simulated installation, so announcements show.</summary>
    private static void AnnouncementIssues(InMemoryGitHub github, string? config)
    {
        if (ConfigParser.Parse(config, "scenario") is not ConfigResult.Valid valid) return;
        foreach (var target in valid.Policy.Processes.Select(p => p.OnDecided.Announce).OfType<IssueAddress>().Distinct())
        {
            var where = new IssueRef(new RepoRef(Repo.InstallationId, target.Owner, target.Repo), target.Number);
            if (!github.HasIssue(where)) github.CreateIssue(where.Repo, where.Number, "Announcements", "maintainers");
        }
    }

    private static List<string> Announcements(InMemoryGitHub github, ConfigResult config) => config is not ConfigResult.Valid valid
        ? []
        : [.. valid.Policy.Processes.Select(p => p.OnDecided.Announce).OfType<IssueAddress>().Distinct()
            .Select(t => new IssueRef(new RepoRef(Repo.InstallationId, t.Owner, t.Repo), t.Number))
            .Where(github.HasIssue)
            .SelectMany(t => github.GetIssue(t).Comments.Where(c => c.AuthorIsBot).Select(c => $"{t}: {c.Body}"))];
}
