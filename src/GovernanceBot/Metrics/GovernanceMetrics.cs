using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GovernanceBot.Webhooks;

namespace GovernanceBot.Metrics;

/// <summary>
/// The bot's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. Names and units follow
/// OpenTelemetry's conventions (dotted names, seconds, <c>{delivery}</c>-style annotations); the Prometheus exporter
/// writes them as <c>governance_deliveries_total</c>, <c>governance_reconcile_duration_seconds</c> and so on.
/// </summary>
public sealed class GovernanceMetrics
{
    public const string MeterName = "GovernanceBot";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _reconcileDuration;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _deadlineLag;
    private readonly Counter<long> _githubRequests;
    private readonly Histogram<double> _sweepDuration;
    private readonly Histogram<double> _discoveryDuration;
    private readonly ConcurrentDictionary<string, int> _rateLimitRemaining = new();
    private Func<int>? _queueDepth;
    private Func<int>? _openProcesses;

    public GovernanceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("governance.deliveries", "{delivery}", "Webhook deliveries received, by event and outcome");
        meter.CreateObservableGauge("governance.queue.depth", () => _queueDepth?.Invoke() ?? 0, "{issue}", "Issues waiting for or in reconciliation");
        _queueWait = meter.CreateHistogram<double>("governance.queue.wait", "s", "How long an issue waited in the queue before a worker took it");
        _reconciles = meter.CreateCounter<long>("governance.reconciles", "{reconcile}", "Reconciles, by result (changed, unchanged, failed)");
        _reconcileDuration = meter.CreateHistogram<double>("governance.reconcile.duration", "s", "How long one reconcile took, by result");
        _transitions = meter.CreateCounter<long>("governance.transitions", "{transition}", "Transitions posted, by kind");
        _deadlineLag = meter.CreateHistogram<double>("governance.deadline.lag", "s", "Seconds between a deadline and the transition it caused");
        _githubRequests = meter.CreateCounter<long>("governance.github.requests", "{request}", "Requests to GitHub (each attempt), by endpoint group and status");
        meter.CreateObservableGauge("governance.github.rate_limit.remaining", ObserveRateLimits, "{request}", "GitHub's X-RateLimit-Remaining, per installation (app: the App's own JWT)");
        _sweepDuration = meter.CreateHistogram<double>("governance.sweep.duration", "s", "How long a sweep of every open process took to enqueue");
        _discoveryDuration = meter.CreateHistogram<double>("governance.discovery.duration", "s", "How long one installation's discovery took");
        meter.CreateObservableGauge("governance.processes.open", () => _openProcesses?.Invoke() ?? 0, "{process}", "Open governance processes the bot keeps track of");
    }

    /// <summary>The sources of the observable gauges, given once the queue and the index exist.</summary>
    public void Observe(Func<int>? queueDepth = null, Func<int>? openProcesses = null)
    {
        if (queueDepth is not null) _queueDepth = queueDepth;
        if (openProcesses is not null) _openProcesses = openProcesses;
    }

    public void Delivery(string @event, DeliveryResult result) => Delivery(@event, result switch
    {
        DeliveryResult.Accepted => "accepted",
        DeliveryResult.Duplicate => "duplicate",
        _ => "ignored",
    });

    /// <param name="outcome">accepted, duplicate, ignored, rejected_signature (or another refusal of the endpoint).</param>
    public void Delivery(string @event, string outcome) =>
        _deliveries.Add(1, new("github.event", string.IsNullOrEmpty(@event) ? "unknown" : @event), new("outcome", outcome));

    public void QueueWait(TimeSpan waited) => _queueWait.Record(waited.TotalSeconds);

    /// <param name="result">changed, unchanged or failed.</param>
    public void Reconciled(string result, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("result", result);
        _reconciles.Add(1, tag);
        _reconcileDuration.Record(took.TotalSeconds, tag);
    }

    /// <param name="kind">voting_opened, approved, rejected, no_quorum, cancelled.</param>
    public void Transition(string kind) => _transitions.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DeadlineLag(TimeSpan lag) => _deadlineLag.Record(Math.Max(0, lag.TotalSeconds));

    public void GitHubRequest(string endpoint, string status) =>
        _githubRequests.Add(1, new("endpoint", endpoint), new("http.response.status_code", status));

    public void RateLimitRemaining(string installation, int remaining) => _rateLimitRemaining[installation] = remaining;

    public void SweepTook(TimeSpan took) => _sweepDuration.Record(took.TotalSeconds);

    public void DiscoveryTook(TimeSpan took) => _discoveryDuration.Record(took.TotalSeconds);

    private IEnumerable<Measurement<int>> ObserveRateLimits() =>
        _rateLimitRemaining.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("installation", p.Key)));
}
