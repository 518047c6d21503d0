namespace GovernanceBot.Webhooks;

/// <summary>
/// Settings of the <c>Webhooks</c> section: how many deliveries the endpoint holds at once. Every delivery in flight
/// may hold up to <see cref="WebhookEndpoint.MaxBodyBytes"/>, so these numbers bound the endpoint's memory.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Deliveries read and checked at the same time.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>Deliveries that wait for a free slot (their bodies unread); beyond them a delivery gets 503.</summary>
    public int QueuedDeliveries { get; set; } = 16;

    /// <summary>What <c>Retry-After</c> tells a sender refused for being over the limit.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
