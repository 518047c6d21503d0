using Serilog;
using Serilog.Formatting.Compact;

namespace GovernanceBot.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog: a readable console in development, compact JSON (one event per line) when <c>Logging:Json=true</c>.
    /// Scopes become properties, so every line about an issue carries its installation, repository, number and delivery.
    /// </summary>
    public static WebApplicationBuilder AddGovernanceLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", false);
        builder.Services.AddSerilog((services, logger) =>
        {
            // Sinks registered as services (ILogEventSink) are added too: the tests read a whole run's lines that way.
            Configure(logger).ReadFrom.Services(services);
            if (json) logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
        });
        return builder;
    }

    /// <summary>Levels and enrichment shared by every sink.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
        .MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
        .Enrich.FromLogContext();
}
