using GovernanceBot.GitHub;
using GovernanceBot.Logging;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace GovernanceBot.Tests.Processing;

public sealed class StructuredLoggingTests
{
    private sealed class Capture : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events) Events.Add(logEvent);
        }
    }

    [Fact]
    public async Task Every_line_about_an_issue_carries_installation_repository_issue_and_delivery()
    {
        var capture = new Capture();
        using var serilog = LoggingSetup.Configure(new LoggerConfiguration()).WriteTo.Sink(capture).CreateLogger();
        using var factory = new SerilogLoggerFactory(serilog);
        var (clock, github) = OpenedRfc.Create();
        var repo = OpenedRfc.Repo;
        var queue = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance);
        using var timers = new DeadlineTimers(queue, clock);
        var worker = new ReconcileWorker(queue, new Reconciler(github, clock, factory.CreateLogger<Reconciler>()), timers, clock,
            Options.Create(new GovernanceOptions()), factory.CreateLogger<ReconcileWorker>());

        await worker.ReconcileOneAsync(new ReconcileRequest(new IssueRef(repo, 5), "72d3162e-cc78-11e3-81ab-4c9367dc0958", ReconcilePriority.Webhook), CancellationToken.None);

        var line = Assert.Single(capture.Events, e => e.MessageTemplate.Text.StartsWith("Reconciled", StringComparison.Ordinal));
        Assert.Equal("77", line.Properties["InstallationId"].ToString());
        Assert.Equal("\"acme/widgets\"", line.Properties["Repository"].ToString());
        Assert.Equal("5", line.Properties["IssueNumber"].ToString());
        Assert.Equal("\"72d3162e-cc78-11e3-81ab-4c9367dc0958\"", line.Properties["DeliveryId"].ToString());
        Assert.Equal(1101, (int)((ScalarValue)((StructureValue)line.Properties["EventId"]).Properties[0].Value).Value!);
    }

    [Fact]
    public async Task A_reconcile_that_changes_something_logs_at_information_one_that_changes_nothing_at_debug()
    {
        var capture = new Capture();
        using var serilog = LoggingSetup.Configure(new LoggerConfiguration()).MinimumLevel.Debug().WriteTo.Sink(capture).CreateLogger();
        using var factory = new SerilogLoggerFactory(serilog);
        var (clock, github) = OpenedRfc.Create();
        var repo = OpenedRfc.Repo;
        var reconciler = new Reconciler(github, clock, factory.CreateLogger<Reconciler>());

        await reconciler.ReconcileAsync(new IssueRef(repo, 5), CancellationToken.None); // opens the discussion
        await reconciler.ReconcileAsync(new IssueRef(repo, 5), CancellationToken.None); // finds it as it should be

        var reconciled = capture.Events.Where(e => e.MessageTemplate.Text.StartsWith("Reconciled", StringComparison.Ordinal)).ToList();
        Assert.Equal([LogEventLevel.Information, LogEventLevel.Debug], reconciled.Select(e => e.Level));
        Assert.NotEqual("0", reconciled[0].Properties["ChangeCount"].ToString());
        Assert.Equal("0", reconciled[1].Properties["ChangeCount"].ToString());
    }
}
