using System.Collections.Concurrent;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// Drains the queue: reconciles one issue at a time per issue, several issues at once; a failure is logged and retried
/// later without stopping the others; on shutdown the work in hand is finished and nothing new is started.
/// </summary>
public sealed partial class ReconcileWorker(
    ReconcileQueue queue,
    Reconciler reconciler,
    DeadlineTimers timers,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<ReconcileWorker> logger,
    ProcessIndex? index = null,
    Metrics.GovernanceMetrics? metrics = null,
    Dashboard.DashboardStore? dashboard = null) : BackgroundService
{
    private readonly ConcurrentDictionary<IssueRef, int> _failures = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => Task.Run(() => DrainAsync(stoppingToken), CancellationToken.None)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ReconcileRequest request;
            try
            {
                request = await queue.DequeueAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // The work in hand is finished even when shutdown begins: half-applied changes would be healed anyway,
                // but finishing keeps the issue's labels and comments consistent in the meantime.
                await ReconcileOneAsync(request, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Whatever one issue throws past its own handling, this worker goes on with the next issue.
                LogWorkerKeptGoing(e, request.Issue.ToString());
            }
            finally
            {
                queue.Complete(request.Issue);
            }
        }
    }

    /// <summary>Reconciles one issue now, logging under its installation, repository, number and delivery.</summary>
    public async Task ReconcileOneAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var issue = request.Issue;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["InstallationId"] = issue.Repo.InstallationId,
            ["Repository"] = issue.Repo.ToString(),
            ["IssueNumber"] = issue.Number,
            ["DeliveryId"] = request.DeliveryId,
        });
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await reconciler.ReconcileAsync(issue, cancellationToken);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            LogReconcileTook(issue.ToString(), took.TotalMilliseconds, request.Priority, result.Changes.Count);
            Measure(request, result, took);
            _failures.TryRemove(issue, out _);
            index?.Observe(result);
            dashboard?.Observe(result);
            timers.Schedule(result);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics?.Reconciled("failed", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            var attempt = _failures.AddOrUpdate(issue, 1, (_, n) => n + 1);
            if (attempt > options.Value.MaxRetries)
            {
                _failures.TryRemove(issue, out _);
                LogGaveUp(e, issue.ToString(), attempt - 1);
                return;
            }

            var delay = Backoff.Exponential(options.Value.RetryDelay, attempt);
            LogFailed(e, issue.ToString(), attempt, delay);
            // A retry may be a transition whose deadline has passed: it waits no longer than the work that failed.
            timers.Schedule(issue, time.GetUtcNow() + delay, request.Priority < ReconcilePriority.Webhook ? request.Priority : ReconcilePriority.Webhook);
        }
    }

    private void Measure(ReconcileRequest request, ReconcileResult result, TimeSpan took)
    {
        if (metrics is null) return;
        metrics.Reconciled(result.Changed ? "changed" : "unchanged", took);
        foreach (var kind in result.Transitions) metrics.Transition(kind);
        // A deadline's lag: from the moment it was due to the transition it caused (on the bot's clock).
        if (result.Transitions.Count > 0 && request.Priority == ReconcilePriority.Deadline && request.Due is { } due) metrics.DeadlineLag(time.GetUtcNow() - due);
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Reconciling {Issue} failed (attempt {Attempt}); trying again in {Delay}")]
    private partial void LogFailed(Exception exception, string issue, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Reconciling {Issue} failed {Attempts} times; the next sweep will try again")]
    private partial void LogGaveUp(Exception exception, string issue, int attempts);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Reconciling {Issue} failed outside its retry handling; the worker goes on with the next issue")]
    private partial void LogWorkerKeptGoing(Exception exception, string issue);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Reconcile of {Issue} took {ElapsedMs:0.0} ms ({Priority}, {ChangeCount} change(s))")]
    private partial void LogReconcileTook(string issue, double elapsedMs, ReconcilePriority priority, int changeCount);
}
