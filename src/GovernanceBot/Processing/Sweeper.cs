using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Processing;

/// <summary>
/// On start and every <see cref="GovernanceOptions.SweepInterval"/>: for every installation and repository, queue every
/// open issue that carries a trigger or a running-phase label. Deadlines pass on time after a restart, and any missed
/// webhook is healed.
/// </summary>
public sealed partial class Sweeper(
    InstallationDirectory directory,
    Reconciler reconciler,
    GitHub.IGitHub github,
    ReconcileQueue queue,
    GitHub.RateLimitBudget budget,
    TimeProvider time,
    IOptions<GovernanceOptions> options,
    ILogger<Sweeper> logger) : BackgroundService
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

    /// <summary>One sweep; returns how many issues it queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (budget.IsLow)
        {
            // Webhook-driven work keeps what is left; deadline timers still fire for the processes already known.
            LogBackingOff(string.Join(", ", budget.Remaining));
            return 0;
        }

        var queued = 0;
        foreach (var installation in await directory.InstallationsAsync(cancellationToken))
        {
            IReadOnlyList<GitHub.RepoRef> repositories;
            try
            {
                repositories = await directory.RepositoriesAsync(installation.Id, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One installation GitHub will not list (removed, suspended, an outage) leaves the others to be swept.
                LogInstallationSkipped(e, installation.Id, installation.Account, Reason(e));
                continue;
            }

            foreach (var repo in repositories)
            {
                try
                {
                    queued += await SweepRepositoryAsync(repo, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // A repository that is gone (410, 404) or closed to the App (403) must not keep the later ones from healing.
                    LogRepositorySkipped(e, repo.ToString(), repo.InstallationId, Reason(e));
                }
            }
        }

        return queued;
    }

    private async Task<int> SweepRepositoryAsync(GitHub.RepoRef repo, CancellationToken cancellationToken)
    {
        var config = await reconciler.LoadConfigAsync(repo, cancellationToken);
        IEnumerable<string> triggers = config is ConfigResult.Valid valid
            ? valid.Policy.Processes.Select(p => p.Label)
            : GovernancePolicy.DefaultTriggerLabels;
        var numbers = new SortedSet<int>();
        foreach (var label in triggers.Concat([PhaseLabels.Discussion, PhaseLabels.Voting]).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            numbers.UnionWith(await github.ListOpenIssuesWithLabelAsync(repo, label, cancellationToken));
        }

        var queued = 0;
        foreach (var number in numbers)
        {
            if (queue.Enqueue(new ReconcileRequest(new GitHub.IssueRef(repo, number), null, ReconcilePriority.Sweep))) queued++;
        }

        return queued;
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

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "The sweep skipped repository {Repository} of installation {InstallationId} ({Reason}); it goes on with the next one")]
    private partial void LogRepositorySkipped(Exception exception, string repository, long installationId, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "The sweep skipped installation {InstallationId} ({Account}): its repositories could not be listed ({Reason})")]
    private partial void LogInstallationSkipped(Exception exception, long installationId, string account, string reason);
}
