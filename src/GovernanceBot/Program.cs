using GovernanceBot;
using GovernanceBot.GitHub;
using GovernanceBot.Logging;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;
using GovernanceBot.Webhooks;

switch (args.FirstOrDefault())
{
    case SimulateCommand.Verb:
        return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
    case HealthcheckCommand.Verb:
        return await HealthcheckCommand.RunAsync(Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGovernanceLogging();
builder.Services.AddGitHubApp(builder.Configuration);
builder.Services.AddReconciliation(builder.Configuration);
builder.Services.AddWebhooks();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapWebhooks();
app.MapHealthChecks("/healthz");
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
