using System.Collections.Concurrent;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// On start and every <see cref="GovernanceOptions.SweepInterval"/>: queue every open process the <see cref="ProcessIndex"/>
/// knows (their reads are conditional, so an idle sweep costs no rate limit). Before that, when an installation's
/// discovery is due (at start, then every <see cref="GovernanceOptions.DiscoveryInterval"/>, and at the next sweep after
/// one failed), one issue search per installation finds the processes the bot missed (a webhook lost while it was down)
/// and adds them to the index. The cost of a sweep follows the open processes, not the repositories.
/// </summary>
public sealed partial class Sweeper(
    InstallationDirectory directory,
    ProcessIndex index,
    GitHub.IGitHub github,
    ReconcileQueue queue,
    DeadlineTimers timers,
    GitHub.RateLimitBudget budget,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<Sweeper> logger) : BackgroundService
{
    /// <summary>What discovery searches for: the default trigger labels and the running phases' labels.</summary>
    public static IReadOnlyList<string> DiscoveryLabels { get; } =
        [.. GovernancePolicy.DefaultTriggerLabels.Concat([PhaseLabels.Discussion, PhaseLabels.Voting]).Distinct(StringComparer.OrdinalIgnoreCase)];

    private readonly ConcurrentDictionary<long, DateTimeOffset> _discoveredAt = new();
    private int _completed;

    /// <summary>How many sweeps have finished (queued their issues), for diagnostics and tests.</summary>
    public int Completed => Volatile.Read(ref _completed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                var queued = await SweepAsync(stoppingToken);
                LogSwept(queued);
                Interlocked.Increment(ref _completed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One sweep: discovery where it is due, then every known open process queued; returns how many issues it queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (budget.IsLow)
        {
            // Webhook-driven work keeps what is left; deadline timers still fire for the processes already known.
            LogBackingOff(string.Join(", ", budget.Remaining));
            return 0;
        }

        await DiscoverAsync(cancellationToken);
        var queued = 0;
        foreach (var issue in index.All())
        {
            if (queue.Enqueue(timers.Urgent(new ReconcileRequest(issue, null, ReconcilePriority.Sweep)))) queued++;
        }

        return queued;
    }

    /// <summary>Searches each installation whose discovery is due and adds what it finds to the index (as candidates: their reconcile decides).</summary>
    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var installations = await directory.InstallationsAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var gone in _discoveredAt.Keys.Except(installations.Select(i => i.Id)).ToList())
        {
            // Uninstalled: its processes are no longer the bot's to run.
            _discoveredAt.TryRemove(gone, out _);
            index.Forget(gone);
        }

        foreach (var installation in installations)
        {
            if (_discoveredAt.TryGetValue(installation.Id, out var last) && now - last < options.Value.DiscoveryInterval) continue;
            try
            {
                var found = await github.SearchOpenProcessesAsync(installation, DiscoveryLabels, cancellationToken);
                foreach (var issue in found) index.Add(issue);
                _discoveredAt[installation.Id] = now;
                LogDiscovered(installation.Id, installation.Account, found.Count);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One installation GitHub will not search (removed, suspended, an outage) leaves the others to be swept;
                // its discovery runs again at the next sweep.
                LogInstallationSkipped(e, installation.Id, installation.Account, Reason(e));
            }
        }
    }

    /// <summary>What went wrong, in a few words: GitHub's status code when it answered, else the exception's type.</summary>
    private static string Reason(Exception e) => e is Octokit.ApiException api
        ? $"GitHub answered {(int)api.StatusCode}"
        : e.GetType().Name;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Sweep queued {Count} open process(es)")]
    private partial void LogSwept(int count);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "The rate-limit budget is low (remaining: {Remaining}); this sweep is skipped")]
    private partial void LogBackingOff(string remaining);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "The sweep failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Discovery skipped installation {InstallationId} ({Account}): its issues could not be searched ({Reason}); it is tried again at the next sweep")]
    private partial void LogInstallationSkipped(Exception exception, long installationId, string account, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Discovery found {Count} open issue(s) with a process label in installation {InstallationId} ({Account})")]
    private partial void LogDiscovered(long installationId, string account, int count);
}
