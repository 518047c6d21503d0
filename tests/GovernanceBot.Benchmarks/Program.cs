using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GovernanceBot.Benchmarks;
using GovernanceBot.Benchmarks.Load;
using GovernanceBot.Benchmarks.Scale;

// `load`: the webhook acknowledgement against a bare endpoint; `bare`: that endpoint (started by `load`);
// `scale`: GitHub requests per sweep, per hour and the deadline lag. Anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "load": return await LoadCommand.RunAsync(args[1..]);
    case "bare": return await BareEndpoint.RunAsync(args[1..]);
    case "scale": return await ScaleCommand.RunAsync(args[1..]);
}

// A short run in this process (no generated project to build): the figures in the README come from
// `dotnet run -c Release --project tests/GovernanceBot.Benchmarks -- --filter '*'`.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(DecideBenchmarks).Assembly).Run(args, config);
return 0;
