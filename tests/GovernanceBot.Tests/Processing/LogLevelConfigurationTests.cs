using GovernanceBot.GitHub;
using GovernanceBot.Logging;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace GovernanceBot.Tests.Processing;

public sealed class LogLevelConfigurationTests
{
    private const string ProcessingDebug = "Serilog__MinimumLevel__Override__GovernanceBot.Processing";

    private sealed class Capture : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events) Events.Add(logEvent);
        }
    }

    [Fact]
    public async Task A_debug_event_is_not_written_with_the_default_levels()
    {
        var events = await ReconcileOnceAsync(new ConfigurationBuilder().AddJsonFile(AppSettings()).Build());

        Assert.DoesNotContain(events, e => e.Level == LogEventLevel.Debug);
        Assert.Contains(events, e => e.Level == LogEventLevel.Information);
    }

    [Fact]
    public async Task An_environment_variable_raises_one_namespace_to_debug()
    {
        // A prefix of this test's own keeps the variable away from every other test's configuration.
        var prefix = $"GB{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + ProcessingDebug, "Debug");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings()).AddEnvironmentVariables(prefix).Build();

            var events = await ReconcileOnceAsync(configuration);

            var debug = Assert.Single(events, e => e.Level == LogEventLevel.Debug);
            Assert.Equal("\"GovernanceBot.Processing.ReconcileWorker\"", debug.Properties["SourceContext"].ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + ProcessingDebug, null);
        }
    }

    [Fact]
    public async Task Another_namespace_at_debug_leaves_processing_at_information()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Override:GovernanceBot.Webhooks"] = "Debug" })
            .Build();

        var events = await ReconcileOnceAsync(configuration);

        Assert.DoesNotContain(events, e => e.Level == LogEventLevel.Debug);
    }

    [Fact]
    public void The_shipped_settings_keep_information_and_quiet_the_framework()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings()).Build();

        Assert.Equal("Information", configuration["Serilog:MinimumLevel:Default"]);
        Assert.Equal("Warning", configuration["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"]);
        Assert.Equal("Warning", configuration["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"]);
    }

    private static string AppSettings() => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    private static async Task<List<LogEvent>> ReconcileOnceAsync(IConfiguration configuration)
    {
        var capture = new Capture();
        using var serilog = LoggingSetup.Configure(new LoggerConfiguration(), configuration).WriteTo.Sink(capture).CreateLogger();
        using var factory = new SerilogLoggerFactory(serilog);
        var (clock, github) = OpenedRfc.Create();
        var repo = OpenedRfc.Repo;
        var queue = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance);
        using var timers = new DeadlineTimers(queue, clock);
        var worker = new ReconcileWorker(queue, new Reconciler(github, clock, factory.CreateLogger<Reconciler>()), timers, clock,
            Options.Create(new GovernanceOptions()), factory.CreateLogger<ReconcileWorker>());

        await worker.ReconcileOneAsync(new ReconcileRequest(new IssueRef(repo, 5), "d1", ReconcilePriority.Webhook), CancellationToken.None);
        return capture.Events;
    }
}
