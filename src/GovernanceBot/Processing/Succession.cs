using System.Collections.Concurrent;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// Succession (design section 9): at start and every <see cref="GovernanceOptions.SuccessionInterval"/>, for each
/// installation whose owner configures <c>succession</c> (the <c>.github</c> repository's <c>.github/governance.yml</c>),
/// measures each TSC member's last activity with one issue search per member (paced for search's 30 a minute, and never
/// more than once an interval), keeps one open "TSC activity" issue in <c>succession.report</c>, mentions a member there
/// once past <c>contact_after</c> and opens one <c>tsc-membership-review</c> issue past <c>review_after</c>. GitHub is the
/// only memory: the issues and comments are found again by their markers.
/// </summary>
public sealed partial class Succession(
    InstallationDirectory directory,
    ProcessIndex index,
    IGitHub github,
    RateLimitBudget budget,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<Succession> logger) : BackgroundService
{
    /// <summary>The participation window: rounds of the last 12 months.</summary>
    public static TimeSpan ParticipationWindow { get; } = TimeSpan.FromDays(365);

    private static readonly LabelSpec ReviewLabel = new(SuccessionSettings.ReviewLabel, "5319e7", "Governance: review of a TSC member's status after a long inactivity");

    /// <summary>Each member's last measure, by installation and login (lower case): at most one search an interval.</summary>
    private readonly ConcurrentDictionary<(long, string), (DateTimeOffset MeasuredAt, UserActivity? Activity)> _measured = new();

    private DateTimeOffset? _lastSearch;
    private int _completed;

    /// <summary>How many runs have finished, for diagnostics and tests.</summary>
    public int Completed => Volatile.Read(ref _completed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SuccessionInterval, time);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
                Interlocked.Increment(ref _completed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRunFailed(e);
                Interlocked.Increment(ref _completed);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }


    /// <summary>One run over every installation; one that fails is logged and left to the next run.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (budget.IsLow)
        {
            LogBackingOff();
            return;
        }

        foreach (var installation in await directory.InstallationsAsync(cancellationToken))
        {
            try
            {
                await RunAsync(installation, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogInstallationFailed(e, installation.Id, installation.Account);
            }
        }
    }

    private async Task RunAsync(InstallationRef installation, CancellationToken cancellationToken)
    {
        var ownerRepo = new RepoRef(installation.Id, installation.Account, ".github");
        var text = await github.GetFileAsync(ownerRepo, Reconciler.ConfigPath, cancellationToken);
        if (text is null || ConfigParser.Parse(text, $"{ownerRepo}/{Reconciler.ConfigPath}") is not ConfigResult.Valid { Policy: { Succession: { } settings } policy }) return;

        var members = await MembersAsync(ownerRepo, policy, cancellationToken);
        if (members.Count == 0) return;

        var now = time.GetUtcNow();
        var participation = await ParticipationAsync(installation, now, cancellationToken);
        var rows = new List<MemberActivity>();
        foreach (var login in members)
        {
            var activity = await MeasureAsync(installation, login, now, cancellationToken);
            var (votes, rounds) = participation.GetValueOrDefault(login.ToLowerInvariant());
            rows.Add(new MemberActivity(login, activity?.At, activity?.Url, votes, rounds));
        }

        var report = new RepoRef(installation.Id, settings.ReportOwner, settings.ReportName);
        var botLogin = await github.GetBotLoginAsync(cancellationToken);
        var ours = await github.ListIssuesByAsync(report, botLogin, cancellationToken);
        var (activityIssue, activityUrl) = await KeepActivityIssueAsync(report, ours, rows, settings, now, cancellationToken);

        var comments = await github.GetCommentsAsync(activityIssue, cancellationToken);
        foreach (var row in rows)
        {
            if (row.LastActivity is not { } last) continue;
            var idle = now - last;
            if (idle >= settings.ContactAfter)
            {
                var marker = Texts.ContactMarker(row.Login, row.LastActivity);
                if (!comments.Any(c => IsOurs(c, botLogin) && c.Body.Contains(marker, StringComparison.Ordinal)))
                {
                    await github.PostCommentAsync(activityIssue, Texts.ContactComment(row, settings, now), cancellationToken);
                    LogContacted(row.Login, report.ToString(), (int)idle.TotalDays);
                }
            }

            if (idle >= settings.ReviewAfter)
            {
                var marker = Texts.ReviewMarker(row.Login, row.LastActivity);
                if (!ours.Any(i => i.Body.Contains(marker, StringComparison.Ordinal)))
                {
                    await github.EnsureLabelAsync(report, ReviewLabel, cancellationToken);
                    var number = await github.CreateIssueAsync(report, Texts.ReviewIssueTitle(row.Login), Texts.ReviewIssueBody(row, settings, activityUrl, now), [SuccessionSettings.ReviewLabel], cancellationToken);
                    LogReviewOpened(row.Login, report.ToString(), number);
                }
            }
        }
    }

    private static bool IsOurs(CommentFact comment, string botLogin) => string.Equals(comment.Author, botLogin, StringComparison.OrdinalIgnoreCase);

    /// <summary>The TSC without its emeritus members: the listed members, or the team's.</summary>
    private async Task<IReadOnlyList<string>> MembersAsync(RepoRef ownerRepo, GovernancePolicy policy, CancellationToken cancellationToken)
    {
        var logins = policy.Tsc switch
        {
            TscSource.Members m => m.Logins,
            TscSource.Team t => await github.GetTeamMembersAsync(ownerRepo, ownerRepo.Owner, t.Slug, cancellationToken) ?? [],
            _ => [],
        };
        return [.. logins.Where(l => !policy.IsEmeritus(l))];
    }

    /// <summary>The member's last activity: searched at most once an interval, each search paced after the previous one.</summary>
    private async Task<UserActivity?> MeasureAsync(InstallationRef installation, string login, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = (installation.Id, login.ToLowerInvariant());
        if (_measured.TryGetValue(key, out var known) && now - known.MeasuredAt < options.Value.SuccessionInterval) return known.Activity;

        var pace = options.Value.SuccessionSearchPace;
        if (_lastSearch is { } previous && pace > TimeSpan.Zero && time.GetUtcNow() - previous < pace)
        {
            await Task.Delay(pace - (time.GetUtcNow() - previous), time, cancellationToken);
        }

        _lastSearch = time.GetUtcNow();
        var activity = await github.SearchLastActivityAsync(installation, login, cancellationToken);
        _measured[key] = (now, activity);
        return activity;
    }

    /// <summary>
    /// Votes cast / rounds in the electorate over the last 12 months, by login (lower case), from the state blocks recorded
    /// in the status comments of the processes the bot knows (<see cref="ProcessIndex"/>); their comment reads are conditional.
    /// </summary>
    private async Task<Dictionary<string, (int Votes, int Rounds)>> ParticipationAsync(InstallationRef installation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Votes, int Rounds)>(StringComparer.Ordinal);
        var botLogin = await github.GetBotLoginAsync(cancellationToken);
        foreach (var issue in index.Of(installation.Id))
        {
            var comments = await github.GetCommentsAsync(issue, cancellationToken);
            if (Governance.StatusComments(comments, botLogin).FirstOrDefault() is not { } status) continue;
            foreach (var round in StateBlock.Read(status.Body).Values)
            {
                if (round.Electorate is not { } electorate || (round.ClosedAt ?? round.VotingEnds ?? now) < now - ParticipationWindow) continue;
                foreach (var member in electorate.Select(l => l.ToLowerInvariant()).Distinct())
                {
                    var voted = round.Ballots.Any(b => string.Equals(b.Voter, member, StringComparison.OrdinalIgnoreCase));
                    var (votes, rounds) = counts.GetValueOrDefault(member);
                    counts[member] = (votes + (voted ? 1 : 0), rounds + 1);
                }
            }
        }

        return counts;
    }

    /// <summary>The one open activity issue (found by its marker, created once), its body edited only when it changes.</summary>
    private async Task<(IssueRef Issue, string Url)> KeepActivityIssueAsync(RepoRef report, IReadOnlyList<IssueSummary> ours, IReadOnlyList<MemberActivity> rows, SuccessionSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = ours.Where(i => i.IsOpen && i.Body.Contains(Texts.ActivityMarker, StringComparison.Ordinal)).MinBy(i => i.Number);
        var body = Texts.ActivityIssueBody(rows, settings, now);
        if (existing is null)
        {
            var number = await github.CreateIssueAsync(report, Texts.ActivityIssueTitle, body, [], cancellationToken);
            LogActivityIssueOpened(report.ToString(), number);
            return (new IssueRef(report, number), $"https://github.com/{report}/issues/{number}");
        }

        var issue = new IssueRef(report, existing.Number);
        if (!SameTable(existing.Body, body))
        {
            await github.EditIssueBodyAsync(issue, body, cancellationToken);
        }

        return (issue, existing.Url);
    }

    /// <summary>True when two bodies differ at most in their closing line (the date of the last change).</summary>
    private static bool SameTable(string a, string b) => Table(a) == Table(b);

    private static string Table(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') is var t && t.LastIndexOf('\n') is var at and >= 0 ? t[..at] : t;

    [LoggerMessage(EventId = 3600, Level = LogLevel.Error, Message = "The succession run failed; it runs again at the next interval")]
    private partial void LogRunFailed(Exception exception);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "The rate-limit budget is low; this succession run is skipped")]
    private partial void LogBackingOff();

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Succession skipped installation {InstallationId} ({Account}); it is tried again at the next run")]
    private partial void LogInstallationFailed(Exception exception, long installationId, string account);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Information, Message = "Opened the TSC activity issue {Report}#{Number}")]
    private partial void LogActivityIssueOpened(string report, int number);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Information, Message = "Mentioned {Login} on the TSC activity issue in {Report}: inactive for {Days} days")]
    private partial void LogContacted(string login, string report, int days);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Information, Message = "Opened the membership review of {Login}: {Report}#{Number}")]
    private partial void LogReviewOpened(string login, string report, int number);
}
