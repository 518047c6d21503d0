using System.Diagnostics;
using System.Globalization;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.Host;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Benchmarks.Scale;

/// <summary>
/// <c>scale [--repos R --processes P] [--hours H]</c>: the real host (in process, the tests' <see cref="GovernanceApp"/>)
/// on a fake clock against the tests' fake GitHub (on the wire, no Prism), one installation with R repositories and P
/// open processes. Reports the requests of each idle sweep (and per endpoint), the requests of H hours at the default
/// intervals, the most requests to one endpoint in one (virtual) minute, and the lag of P/5 discussion deadlines that
/// pass at the same moment. Without --repos it runs R=200/P=40 and R=1000/P=100.
/// </summary>
internal static class ScaleCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hours = Arguments.Int(args, "--hours", 1);

        // The host logs every reconciliation to the console; the report goes to the real standard output instead.
        Report = Console.Out;
        Console.SetOut(TextWriter.Null);
        var runs = Arguments.Text(args, "--repos") is null
            ? [(200, 40), (1000, 100)]
            : new[] { (Arguments.Int(args, "--repos", 200), Arguments.Int(args, "--processes", 40)) };
        foreach (var (repos, processes) in runs)
        {
            await ScaleRun.RunAsync(repos, processes, hours);
        }

        return 0;
    }

    public static TextWriter Report { get; private set; } = Console.Out;
}

/// <summary>One scale run: set up, an idle hour, then the simultaneous deadlines.</summary>
internal sealed class ScaleRun(GovernanceApp app, RequestLog log, int repos, int processes)
{
    private const string Config = "tsc:\n  members: [alice, bob, carol]\n";
    private static readonly DateTimeOffset Start = GovernanceApp.DefaultStart;

    /// <summary>When the deadline group's discussions end: after the measured hour, so no transition disturbs it.</summary>
    private static readonly DateTimeOffset Deadline = Start + TimeSpan.FromHours(3);

    public static async Task RunAsync(int repos, int processes, int hours)
    {
        var names = Enumerable.Range(1, repos).Select(i => $"octo-org/repo-{i:0000}").ToArray();
        var issues = Enumerable.Range(0, processes).Select(k => names[(int)((long)k * repos / processes)]).ToArray();
        var deadlineGroup = Math.Max(1, processes / 5);
        using var wire = new GitHubWithoutPrism();
        var setup = Stopwatch.StartNew();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Config = Config,
            SettleSeconds = 1800,
            Given = github =>
            {
                github.GivenApp("governance-bot").GivenInstallation(Given.Installation, names);
                foreach (var repo in names) github.GivenFile(repo, ".github/governance.yml", Config);
                for (var k = 0; k < processes; k++)
                {
                    // The first P/5 started together 14 days before the deadline; the others at other times, days earlier.
                    var at = k < deadlineGroup ? Deadline - TimeSpan.FromDays(14) : Start - TimeSpan.FromDays(1) - TimeSpan.FromMinutes(7 * k);
                    github.GivenIssue(issues[k], 1, $"RFC {k}: a proposal", "dana", "rfc");
                    github.GivenLabelEvent(issues[k], 1, "rfc", "dana", at);
                }

                return github;
            },
        });
        var log = new RequestLog(app);
        var run = new ScaleRun(app, log, repos, processes);
        ScaleCommand.Report.WriteLine($"== R={repos} repositories, P={processes} open processes (one installation); {deadlineGroup} discussions end at {Deadline:u}");
        await app.StartAsync();
        var opened = await run.QuiesceAsync(nudge: TimeSpan.FromSeconds(5), until: () => issues.All(r => app.GitHub.Labels(r, 1).Contains("governance/discussion")));
        ScaleCommand.Report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start-up (start-up sweep, {processes} discussions opened): {log.Count} requests, {setup.Elapsed.TotalSeconds:F0} s real, virtual clock moved {app.Now - Start:g} ({opened} nudges for the write pace)"));

        await run.IdleHoursAsync(hours);
        await run.DeadlinesAsync([.. issues.Take(deadlineGroup)]);
    }

    private async Task IdleHoursAsync(int hours)
    {
        var sweeps = new List<IReadOnlyList<Exchange>>();
        var from = log.Count;
        var started = app.Now;
        for (var i = 0; i < hours * 12; i++)
        {
            var before = log.Count;
            app.Advance(TimeSpan.FromMinutes(5));
            await QuiesceAsync(nudge: TimeSpan.FromSeconds(5));
            sweeps.Add(log.Since(before));
        }

        var all = log.Since(from);
        var typical = sweeps.OrderBy(s => s.Count).ElementAt(sweeps.Count / 2);
        ScaleCommand.Report.WriteLine($"idle sweeps (every 5 min, {sweeps.Count} of them): requests per sweep {string.Join(", ", sweeps.Select(s => s.Count))}");
        ScaleCommand.Report.WriteLine($"  median sweep: {typical.Count} requests, {typical.Count(e => e.Status == 304)} × 304 (not counted by GitHub), {typical.Count(e => e.Status != 304)} counted; per endpoint:");
        foreach (var endpoint in typical.GroupBy(e => e.Endpoint).OrderByDescending(g => g.Count()))
        {
            ScaleCommand.Report.WriteLine($"    {endpoint.Count(),6}  {endpoint.Key}");
        }

        ScaleCommand.Report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per repository {typical.Count / (double)repos:F2}, per open process {typical.Count / (double)processes:F2}"));
        var largest = sweeps.MaxBy(s => s.Count)!;
        if (largest.Count > typical.Count)
        {
            ScaleCommand.Report.WriteLine($"  the largest sweep: {largest.Count} requests, {largest.Count(e => e.Status != 304)} counted; per endpoint:");
            foreach (var endpoint in largest.GroupBy(e => (e.Endpoint, e.Status)).OrderByDescending(g => g.Count()))
            {
                ScaleCommand.Report.WriteLine($"    {endpoint.Count(),6}  {endpoint.Key.Endpoint} ({endpoint.Key.Status})");
            }
        }

        var perHour = all.Count / (double)hours;
        ScaleCommand.Report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests per hour (virtual {started:HH:mm}-{app.Now:HH:mm}, default intervals): {perHour:F0}, of them counted (not 304): {all.Count(e => e.Status != 304) / (double)hours:F0}, writes: {all.Count(e => e.Method != "GET") / (double)hours:F0}"));
        var busiest = all.GroupBy(e => (e.Endpoint, e.Minute)).OrderByDescending(g => g.Count()).First();
        ScaleCommand.Report.WriteLine($"max requests to one endpoint in one minute: {busiest.Count()} ({busiest.Key.Endpoint}, at {busiest.Key.Minute:HH:mm})");
    }

    private async Task DeadlinesAsync(IReadOnlyList<string> group)
    {
        app.Advance(Deadline - TimeSpan.FromMinutes(10) - app.Now);
        await QuiesceAsync(nudge: TimeSpan.FromSeconds(5));
        app.Advance(Deadline - TimeSpan.FromSeconds(1) - app.Now);
        await QuiesceAsync(nudge: TimeSpan.Zero);
        if (group.Any(VotingOpened)) throw new InvalidOperationException("voting opened before the deadline");

        // From here the virtual clock follows real time: the write pace and every request take as long as they do.
        var before = log.Count;
        var real = Stopwatch.StartNew();
        var origin = app.Now;
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None);
                var target = origin + real.Elapsed;
                if (target > app.Now) app.Advance(target - app.Now);
            }
        });
        while (!group.All(VotingOpened) && real.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(100);
        await stop.CancelAsync();
        await ticking;

        var lags = group.Select(r => app.GitHub.Comments(r, 1).FirstOrDefault(IsVotingOpened)?.CreatedAt - Deadline)
            .Select(l => l?.TotalSeconds ?? double.NaN).ToArray();
        var posted = lags.Where(l => !double.IsNaN(l)).Order().ToArray();
        var writes = log.Since(before).Count(e => e.Method != "GET");
        ScaleCommand.Report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{group.Count} simultaneous deadlines: {posted.Length} voting-opened comments; first {posted.FirstOrDefault():F1} s after the deadline, last {posted.LastOrDefault():F1} s; {writes} writes"));
        ScaleCommand.Report.WriteLine();
    }

    private bool VotingOpened(string repo) => app.GitHub.Comments(repo, 1).Any(IsVotingOpened);

    private bool IsVotingOpened(FakeComment c) => c.Author == app.GitHub.BotLogin && c.Body.Contains("**Voting is open**", StringComparison.Ordinal);

    /// <summary>
    /// Waits until the bot is idle (queue empty, no request for a second) and <paramref name="until"/> holds. While the
    /// bot waits on the virtual clock (the write pace, a retry), the clock moves by <paramref name="nudge"/>; returns how often.
    /// </summary>
    private async Task<int> QuiesceAsync(TimeSpan nudge, Func<bool>? until = null)
    {
        var nudges = 0;
        var count = log.Poll();
        var quietSince = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(100);
            var now = log.Poll();
            if (now != count)
            {
                count = now;
                quietSince.Restart();
                continue;
            }

            var idle = app.Host.Queue.Count == 0 && (until?.Invoke() ?? true);
            if (idle && quietSince.Elapsed >= TimeSpan.FromSeconds(1)) return nudges;
            if (!idle && nudge > TimeSpan.Zero && quietSince.Elapsed >= TimeSpan.FromMilliseconds(400))
            {
                app.Advance(nudge);
                nudges++;
                quietSince.Restart();
            }
        }

        throw new TimeoutException($"the bot did not settle (queue {app.Host.Queue.Count})");
    }
}
