namespace GovernanceBot.Processing;

/// <summary>The loop of a periodic background job (the sweep, the succession run).</summary>
internal static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false once the host stops (instead of throwing), so the job's loop simply ends.</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
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
}
