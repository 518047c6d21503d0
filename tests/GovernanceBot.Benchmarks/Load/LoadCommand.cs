using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.Host;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the webhook acknowledgement of the real bot (its own process, <c>dotnet GovernanceBot.dll</c>, talking to
/// the tests' fake GitHub in this process) against a bare Kestrel endpoint (<see cref="BareEndpoint"/>, also its own
/// process) answering the same signed delivery: a steady open-loop rate, then a closed-loop burst, run alternately,
/// and the medians of the runs with the ratio bot/bare. Also the bot's resident set idle and under that load.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new LoadSettings(
            Rate: Arguments.Int(args, "--rate", 500),
            Seconds: Arguments.Int(args, "--seconds", 15),
            WarmUpSeconds: Arguments.Int(args, "--warmup", 3),
            BurstSeconds: Arguments.Int(args, "--burst-seconds", 5),
            Connections: Arguments.Int(args, "--connections", 16),
            Runs: Arguments.Int(args, "--runs", 3),
            BotEnvironment: [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--bot-env" && x.i + 1 < args.Length).Select(x => args[x.i + 1])],
            BotOnly: args.Contains("--bot-only"),
            ReachableGitHub: Arguments.Text(args, "--github") == "fake",
            Smaps: args.Contains("--smaps"));
        var bot = Arguments.Text(args, "--bot") is { } path ? Path.GetFullPath(path) : BotDll(); // --bot: another build, e.g. a published one
        var delivery = new SignedDelivery(mix: args.Contains("--mix"));
        using var github = new FakeGitHub().RfcRepository();
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start(backlog: 1024);
        var githubUrl = settings.ReachableGitHub ? github.Url : $"http://127.0.0.1:{((IPEndPoint)blackHole.LocalEndpoint).Port}/";
        Console.WriteLine($"bot: {bot}");
        Console.WriteLine(settings.ReachableGitHub
            ? "GitHub: the tests' fake, in this process; the bot's workers reconcile octo-org/rfcs#12 again and again while the deliveries come"
            : "GitHub: a black hole (connections accepted by the kernel, never answered): the workers' first request for octo-org/rfcs#12 waits, every later delivery coalesces onto it; what is measured is the acknowledgement alone");
        Console.WriteLine($"{settings.Rate}/s for {settings.Seconds} s after {settings.WarmUpSeconds} s of warm-up, then {settings.Connections} connections " +
            $"for {settings.BurstSeconds} s; {settings.Runs} runs; bot settings: [{string.Join(", ", settings.BotEnvironment)}]; deliveries: {delivery.Describe()}, first body {delivery.Bytes} bytes; {Environment.ProcessorCount} cores");

        var runs = new List<(TargetRun Bot, TargetRun Bare)>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            var botRun = await MeasureAsync(settings, delivery, () => StartBotAsync(bot, githubUrl, settings.BotEnvironment));
            Print(run, botRun);
            if (settings.BotOnly) continue;
            var bareRun = await MeasureAsync(settings, delivery, StartBareAsync);
            Print(run, bareRun);
            runs.Add((botRun, bareRun));
        }

        if (settings.BotOnly) return 0;
        if (settings.ReachableGitHub) Console.WriteLine($"fake GitHub answered {github.Requests().Count} requests from the bot's workers (reconciling octo-org/rfcs#12)");
        Console.WriteLine();
        Console.WriteLine($"medians of {settings.Runs} | bot | bare | bot/bare");
        Row("ack p50 at " + settings.Rate + "/s (ms)", runs, r => r.Steady.P50Ms, "F2");
        Row("ack p99 at " + settings.Rate + "/s (ms)", runs, r => r.Steady.P99Ms, "F2");
        Row("burst, " + settings.Connections + " connections (req/s)", runs, r => r.Burst.RequestsPerSecond, "F0");
        Row("CPU per delivery at " + settings.Rate + "/s (µs)", runs, r => r.SteadyCpuMicroseconds, "F0");
        Row("CPU per delivery in the burst (µs)", runs, r => r.BurstCpuMicroseconds, "F0");
        Row("failed deliveries (non-2xx), all phases", runs, r => r.Steady.Failed + r.Burst.Failed, "F0");
        Row("resident set idle (MB)", runs, r => r.IdleBytes / 1048576.0, "F1");
        Row("resident set after the warm-up (MB)", runs, r => r.WarmBytes / 1048576.0, "F1");
        Row("resident set under load, max (MB)", runs, r => r.LoadBytes / 1048576.0, "F1");
        Row("resident set peak, VmHWM (MB)", runs, r => r.PeakBytes / 1048576.0, "F1");
        return 0;
    }

    private static async Task<TargetRun> MeasureAsync(LoadSettings settings, SignedDelivery delivery, Func<Task<TargetProcess>> start)
    {
        await using var target = await start();
        var driver = new LoadDriver(delivery);

        // The bot's start-up sweep and the JIT settle before the idle figure and the load.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = target.Memory().Rss;
        if (settings.Smaps) Console.WriteLine($"{target.Name} idle: {target.MemoryBreakdown()}");
        await driver.SteadyAsync(target.BaseAddress, settings.Rate, TimeSpan.FromSeconds(settings.WarmUpSeconds));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var warm = target.Memory().Rss;

        long loadMax = 0;
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                loadMax = Math.Max(loadMax, target.Memory().Rss);
                await Task.Delay(100, CancellationToken.None);
            }
        });
        var cpu = target.CpuTime();
        var steady = await driver.SteadyAsync(target.BaseAddress, settings.Rate, TimeSpan.FromSeconds(settings.Seconds));
        var steadyCpu = (target.CpuTime() - cpu).TotalMicroseconds / steady.Sent;
        await Task.Delay(TimeSpan.FromSeconds(1));
        cpu = target.CpuTime();
        var burst = await driver.BurstAsync(target.BaseAddress, settings.Connections, TimeSpan.FromSeconds(settings.BurstSeconds));
        var burstCpu = (target.CpuTime() - cpu).TotalMicroseconds / burst.Sent;
        await stop.CancelAsync();
        await sampling;
        if (settings.Smaps) Console.WriteLine($"{target.Name} after the burst: {target.MemoryBreakdown()}");
        return new TargetRun(target.Name, steady, burst, idle, warm, loadMax, target.Memory().Peak, target.Lines, steadyCpu, burstCpu);
    }

    private static Task<TargetProcess> StartBotAsync(string dll, string githubUrl, IReadOnlyList<string> more)
    {
        var port = TargetProcess.FreePort();
        using var key = RSA.Create(2048);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["GitHub__AppId"] = "4242",
            ["GitHub__PrivateKey"] = key.ExportRSAPrivateKeyPem(),
            ["GitHub__WebhookSecret"] = SignedDelivery.Secret,
            ["GitHub__ApiUrl"] = githubUrl,

            // Against the black hole, a request waits for the whole run rather than time out and be retried.
            ["GitHub__Resilience__AttemptTimeout"] = "00:10:00",
        };

        // --bot-env NAME=VALUE: a setting to try (e.g. DOTNET_gcServer=0), applied last.
        foreach (var pair in more) environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        return TargetProcess.StartAsync("bot", port, [dll], environment);
    }

    private static Task<TargetProcess> StartBareAsync()
    {
        var port = TargetProcess.FreePort();
        var self = Assembly.GetEntryAssembly()!.Location;

        // A default web app (Microsoft.NET.Sdk.Web) runs with the server garbage collector, as the bot does.
        return TargetProcess.StartAsync("bare", port, [self, "bare", "--port", port.ToString(CultureInfo.InvariantCulture), "--secret", SignedDelivery.Secret],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
    }

    /// <summary>The bot as built with this program (the project reference builds it in the same configuration).</summary>
    private static string BotDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovernanceBot.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("GovernanceBot.sln not found above " + AppContext.BaseDirectory);
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = Path.Combine(dir.FullName, "src", "GovernanceBot", "bin", configuration, "net10.0", "GovernanceBot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the bot first", dll);
    }

    private static void Print(int run, TargetRun r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run} {r.Name,-4}: steady {r.Steady.Sent} sent, p50 {r.Steady.P50Ms:F2} ms, p99 {r.Steady.P99Ms:F2} ms, max {r.Steady.MaxMs:F1} ms, " +
        $"schedule slip p99 {r.Steady.SlipP99Ms:F2} ms, {r.Steady.Failed} failed {r.Steady.FailedBy} | burst {r.Burst.RequestsPerSecond:F0} req/s " +
        $"(p50 {r.Burst.P50Ms:F2} ms, p99 {r.Burst.P99Ms:F2} ms), {r.Burst.Failed} failed {r.Burst.FailedBy} | RSS idle {r.IdleBytes / 1048576.0:F1} MB, " +
        $"after warm-up {r.WarmBytes / 1048576.0:F1} MB, " +
        $"load max {r.LoadBytes / 1048576.0:F1} MB, VmHWM {r.PeakBytes / 1048576.0:F1} MB | CPU per delivery {r.SteadyCpuMicroseconds:F0} µs steady, " +
        $"{r.BurstCpuMicroseconds:F0} µs burst | {r.OutputLines} output lines"));

    private static void Row(string what, List<(TargetRun Bot, TargetRun Bare)> runs, Func<TargetRun, double> figure, string format)
    {
        var bot = Median(runs.Select(r => figure(r.Bot)));
        var bare = Median(runs.Select(r => figure(r.Bare)));
        var ratio = bare == 0 ? "-" : (bot / bare).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} | {bot.ToString(format, CultureInfo.InvariantCulture)} | {bare.ToString(format, CultureInfo.InvariantCulture)} | {ratio}"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

internal sealed record LoadSettings(int Rate, int Seconds, int WarmUpSeconds, int BurstSeconds, int Connections, int Runs, IReadOnlyList<string> BotEnvironment, bool BotOnly, bool ReachableGitHub, bool Smaps);

internal sealed record TargetRun(string Name, LoadResult Steady, LoadResult Burst, long IdleBytes, long WarmBytes, long LoadBytes, long PeakBytes, long OutputLines, double SteadyCpuMicroseconds, double BurstCpuMicroseconds);
