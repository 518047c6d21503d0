using System.Collections.Concurrent;
using System.Net;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// Finds the processes the bot has missed (a webhook lost while it was down) and adds them to the <see cref="ProcessIndex"/>,
/// queuing each for a reconcile that decides whether it is one. Per installation, at start, then every
/// <see cref="GovernanceOptions.DiscoveryInterval"/>, at the next sweep after one failed, and at the next sweep after an
/// installation event: one issue search (plus pages), whatever the number of repositories. Only where GitHub refuses
/// the search for that installation (422, 403) are its cached repositories listed by label, one request per label.
/// </summary>
/// <remarks>
/// Search requests are held to GitHub's 30 a minute by <see cref="SearchPace"/> under the adapter. Discovery looks for
/// the default trigger labels and the running phases' labels: a repository with a trigger label of its own is found by
/// its webhooks, and by discovery once its process has a phase label.
/// </remarks>
public sealed partial class Discovery(
    InstallationDirectory directory,
    ProcessIndex index,
    IGitHub github,
    ReconcileQueue queue,
    DeadlineTimers timers,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<Discovery> logger,
    Metrics.GovernanceMetrics? metrics = null)
{
    /// <summary>What discovery looks for: the default trigger labels and the running phases' labels.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        [.. GovernancePolicy.DefaultTriggerLabels.Concat(PhaseLabels.Running).Distinct(StringComparer.OrdinalIgnoreCase)];

    private readonly ConcurrentDictionary<long, DateTimeOffset> _discoveredAt = new();

    /// <summary>The installation changed (installed, repositories added or removed, unsuspended): it is searched again at the next sweep.</summary>
    public void MarkDue(long installationId) => _discoveredAt.TryRemove(installationId, out _);

    /// <summary>The App was uninstalled there: its processes are no longer the bot's to run, nor their timers.</summary>
    public void Forget(long installationId)
    {
        _discoveredAt.TryRemove(installationId, out _);
        foreach (var issue in index.Of(installationId)) timers.Cancel(issue);
        index.Forget(installationId);
    }

    /// <summary>Repositories were removed from the installation: their processes, and their timers, are forgotten.</summary>
    public void ForgetRepositories(long installationId, IReadOnlyCollection<string> fullNames)
    {
        foreach (var issue in index.Of(installationId).Where(i => fullNames.Contains(i.Repo.ToString(), StringComparer.OrdinalIgnoreCase))) timers.Cancel(issue);
        index.ForgetRepositories(installationId, fullNames);
    }

    /// <summary>Discovers each installation whose discovery is due; returns how many issues it queued that the index did not know.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var installations = await directory.InstallationsAsync(cancellationToken);
        foreach (var gone in index.Installations.Union(_discoveredAt.Keys).Except(installations.Select(i => i.Id)).ToList())
        {
            LogForgotten(gone);
            Forget(gone);
        }

        var queued = 0;
        foreach (var installation in installations)
        {
            var now = time.GetUtcNow();
            if (_discoveredAt.TryGetValue(installation.Id, out var last) && now - last < options.Value.DiscoveryInterval) continue;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var found = await FindAsync(installation, cancellationToken);
                metrics?.DiscoveryTook(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                _discoveredAt[installation.Id] = now;
                foreach (var issue in found.Where(i => !index.Contains(i)))
                {
                    index.Add(issue);
                    if (queue.Enqueue(new ReconcileRequest(issue, null, ReconcilePriority.Sweep))) queued++;
                }

                LogDiscovered(installation.Id, installation.Account, found.Count);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One installation GitHub will not answer for (removed, suspended, an outage) leaves the others to be discovered.
                LogInstallationSkipped(e, installation.Id, installation.Account, Reason(e));
            }
        }

        return queued;
    }

    private async Task<IReadOnlyList<IssueRef>> FindAsync(InstallationRef installation, CancellationToken cancellationToken)
    {
        try
        {
            return await github.SearchOpenProcessesAsync(installation, Labels, cancellationToken);
        }
        catch (Octokit.ApiException e) when (CannotSearch(e) && !cancellationToken.IsCancellationRequested)
        {
            LogSearchRefused(installation.Id, installation.Account, (int)e.StatusCode);
            return await ListAsync(installation, cancellationToken);
        }
    }

    /// <summary>
    /// GitHub will not search for this installation (422, 403) — but a 403 for a rate limit says "later", not "never":
    /// listing every repository instead would spend far more of the same limits.
    /// </summary>
    private static bool CannotSearch(Octokit.ApiException e) =>
        e.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden
        && e is not (Octokit.RateLimitExceededException or Octokit.SecondaryRateLimitExceededException or Octokit.AbuseException);

    /// <summary>The fallback: each of the installation's (cached) repositories listed by label.</summary>
    private async Task<IReadOnlyList<IssueRef>> ListAsync(InstallationRef installation, CancellationToken cancellationToken)
    {
        var found = new List<IssueRef>();
        foreach (var repo in await directory.RepositoriesAsync(installation.Id, cancellationToken))
        {
            try
            {
                foreach (var label in Labels)
                {
                    found.AddRange((await github.ListOpenIssuesWithLabelAsync(repo, label, cancellationToken)).Select(n => new IssueRef(repo, n)));
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A repository that is gone (410, 404) or closed to the App (403) must not keep the later ones from being found.
                LogRepositorySkipped(e, repo.ToString(), repo.InstallationId, Reason(e));
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>What went wrong, in a few words: GitHub's status code when it answered, else the exception's type.</summary>
    internal static string Reason(Exception e) => e is Octokit.ApiException api
        ? $"GitHub answered {(int)api.StatusCode}"
        : e.GetType().Name;

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Discovery skipped repository {Repository} of installation {InstallationId} ({Reason}); it goes on with the next one")]
    private partial void LogRepositorySkipped(Exception exception, string repository, long installationId, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Discovery skipped installation {InstallationId} ({Account}): its issues could not be searched ({Reason}); it is tried again at the next sweep")]
    private partial void LogInstallationSkipped(Exception exception, long installationId, string account, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Discovery found {Count} open issue(s) with a process label in installation {InstallationId} ({Account})")]
    private partial void LogDiscovered(long installationId, string account, int count);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "GitHub refused to search installation {InstallationId} ({Account}) with {Status}; its repositories are listed by label instead")]
    private partial void LogSearchRefused(long installationId, string account, int status);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "Installation {InstallationId} is gone: its open processes are forgotten")]
    private partial void LogForgotten(long installationId);
}
