using OpenTelemetry.Metrics;

namespace GovernanceBot.Metrics;

/// <summary>
/// <c>Metrics:Enabled</c> (default true): the <see cref="GovernanceMetrics"/> instruments, exported with OpenTelemetry for
/// Prometheus at <c>GET /metrics</c>. <c>Metrics:Port</c>, when set, answers the scrape only on that port (which must
/// be one the server listens on, e.g. <c>ASPNETCORE_URLS=http://+:8080;http://+:9090</c>), so the webhook port need
/// not expose it.
/// </summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddGovernanceMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<GovernanceMetrics>();
        if (configuration.GetValue("Metrics:Enabled", true))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(GovernanceMetrics.MeterName).AddPrometheusExporter());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapGovernanceMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.GetValue("Metrics:Enabled", true)) return endpoints;
        var scrape = endpoints.MapPrometheusScrapingEndpoint(Path);
        if (configuration.GetValue<int?>("Metrics:Port") is { } port) scrape.RequireHost($"*:{port}");
        return endpoints;
    }
}
