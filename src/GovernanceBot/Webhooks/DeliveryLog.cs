namespace GovernanceBot.Webhooks;

/// <summary>
/// The <c>X-GitHub-Delivery</c> ids seen recently, so that a redelivered webhook is acknowledged without being processed
/// twice. Bounded: the oldest ids are forgotten first. Processing is idempotent anyway; this only saves API calls.
/// </summary>
public sealed class DeliveryLog(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryAdd(string deliveryId)
    {
        lock (_gate)
        {
            if (!_seen.Add(deliveryId)) return false;
            _order.Enqueue(deliveryId);
            while (_order.Count > capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
