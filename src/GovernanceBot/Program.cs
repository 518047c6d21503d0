using GovernanceBot;
using GovernanceBot.Dashboard;
using GovernanceBot.GitHub;
using GovernanceBot.Logging;
using GovernanceBot.Metrics;
using GovernanceBot.Processing;
using GovernanceBot.Webhooks;

if (await CommandLine.RunVerbAsync(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

// The slim builder: configuration, console logging and Kestrel over HTTP/1.1 and HTTP/2, without IIS, HTTP/3 or
// hosting-startup assemblies, which a webhook receiver behind a proxy never uses and which cost memory (README, "Performance").
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseKestrelHttpsConfiguration(); // an operator may still give Kestrel an HTTPS endpoint and certificate in configuration
builder.AddGovernanceLogging();
builder.Services.AddGovernanceMetrics(builder.Configuration);
builder.Services.AddGitHubApp(builder.Configuration);
builder.Services.AddReconciliation(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddDashboard(builder.Configuration);
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseRateLimiter();
app.MapWebhooks();
app.MapHealthChecks("/healthz");
app.MapGovernanceMetrics(builder.Configuration);
app.MapDashboard();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
