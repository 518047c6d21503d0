using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// On start and every <see cref="GovernanceOptions.SweepInterval"/>: queue every open process the <see cref="ProcessIndex"/>
/// knows (their reads are conditional, so an idle sweep costs no rate limit), then run <see cref="Discovery"/> for the
/// installations where it is due (at start, then every <see cref="GovernanceOptions.DiscoveryInterval"/>): one issue
/// search per installation finds the processes the bot missed. The cost of a sweep follows the open processes, not the
/// repositories.
/// </summary>
public sealed partial class Sweeper(
    ProcessIndex index,
    Discovery discovery,
    ReconcileQueue queue,
    DeadlineTimers timers,
    GitHub.RateLimitBudget budget,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<Sweeper> logger,
    Metrics.GovernanceMetrics? metrics = null) : BackgroundService
{
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
        while (await timer.NextTickAsync(stoppingToken));
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

        // The known processes first: a slow discovery (paced searches over many installations) must not hold them up.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var queued = 0;
        foreach (var issue in index.All())
        {
            if (queue.Enqueue(timers.Urgent(new ReconcileRequest(issue, null, ReconcilePriority.Sweep)))) queued++;
        }

        queued += await discovery.RunDueAsync(cancellationToken);
        metrics?.SweepTook(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return queued;
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Sweep queued {Count} open process(es)")]
    private partial void LogSwept(int count);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "The rate-limit budget is low (remaining: {Remaining}); this sweep is skipped")]
    private partial void LogBackingOff(string remaining);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "The sweep failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
