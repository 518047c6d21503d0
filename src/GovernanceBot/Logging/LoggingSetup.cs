using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace GovernanceBot.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog: a readable console in development, compact JSON (one event per line) when <c>Logging:Json=true</c>.
    /// Levels come from the <c>Serilog</c> section (<c>Serilog:MinimumLevel:Default</c>,
    /// <c>Serilog:MinimumLevel:Override:&lt;namespace&gt;</c>), so <c>appsettings.json</c> or an environment variable such
    /// as <c>Serilog__MinimumLevel__Override__GovernanceBot.Processing=Debug</c> turns one part up.
    /// Scopes become properties, so every line about an issue carries its installation, repository, number and delivery.
    /// </summary>
    public static WebApplicationBuilder AddGovernanceLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", false);
        var configuration = builder.Configuration;
        builder.Services.AddSerilog((services, logger) =>
        {
            // Sinks registered as services (ILogEventSink) are added too: the tests read a whole run's lines that way.
            Configure(logger, configuration).ReadFrom.Services(services);
            if (json) logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
        });
        return builder;
    }

    /// <summary>Levels and enrichment shared by every sink: the defaults, then whatever <paramref name="configuration"/> says.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        Configure(logger);
        // Only the Serilog section's levels and enrichers: the sinks stay in code (the console format follows Logging:Json).
        // The assemblies are named, so Serilog does not scan every dependency for configuration methods at start-up.
        return logger.ReadFrom.Configuration(configuration, new ConfigurationReaderOptions(typeof(Log).Assembly) { SectionName = "Serilog" });
    }

    /// <summary>The levels used when the configuration names none (the same as <c>appsettings.json</c>).</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
        .MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
        .Enrich.FromLogContext();
}
