using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceBot.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>The queue, the reconciler, deadline timers, the workers and the periodic sweep.</summary>
    public static IServiceCollection AddReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GovernanceOptions>().Bind(configuration.GetSection(GovernanceOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var metrics = sp.GetService<Metrics.GovernanceMetrics>();
            var queue = new ReconcileQueue(sp.GetRequiredService<ILogger<ReconcileQueue>>(), metrics: metrics);
            metrics?.Observe(queueDepth: () => queue.Count);
            return queue;
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GovernanceOptions>>().Value;
            return new ReplicaOptions(o.ReplicaId ?? $"{Environment.MachineName}-{Environment.ProcessId}", o.ClaimSettle, TimeSpan.FromMinutes(1));
        });
        services.AddSingleton<Reconciler>();
        services.AddSingleton<DeadlineTimers>();
        services.AddSingleton<InstallationDirectory>();
        services.AddSingleton(sp =>
        {
            var index = new ProcessIndex();
            sp.GetService<Metrics.GovernanceMetrics>()?.Observe(openProcesses: () => index.Count);
            return index;
        });
        services.AddSingleton<Discovery>();
        services.AddSingleton<ReconcileWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconcileWorker>());
        services.AddSingleton<Sweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Sweeper>());
        services.AddSingleton<Succession>();
        services.AddHostedService(sp => sp.GetRequiredService<Succession>());
        return services;
    }
}
