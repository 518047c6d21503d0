using System.Diagnostics;
using System.Net.Http.Headers;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>What one phase of load measured.</summary>
internal sealed record LoadResult(int Sent, int Failed, double P50Ms, double P99Ms, double MaxMs, double RequestsPerSecond, double SlipP99Ms, string FailedBy);

/// <summary>
/// Sends signed deliveries, each with its own <c>X-GitHub-Delivery</c> id: open-loop at a steady rate (a Stopwatch
/// schedule on a thread of its own; a slow answer never delays the next send), or as fast as C connections allow.
/// </summary>
internal sealed class LoadDriver(SignedDelivery delivery)
{
    /// <summary>Open loop: request i is sent at i/rate seconds; latency is from its send to its answer, per request.</summary>
    public async Task<LoadResult> SteadyAsync(Uri target, int rate, TimeSpan duration)
    {
        using var client = Client(connections: int.MaxValue);
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new long[count];
        var slips = new long[count];
        var statuses = new int[count];
        var sends = new Task[count];
        var clock = Stopwatch.StartNew();
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = i * Stopwatch.Frequency / rate;
                while (clock.ElapsedTicks < due)
                {
                    if (due - clock.ElapsedTicks > Stopwatch.Frequency / 1000) Thread.Sleep(1);
                    else Thread.Yield();
                }

                slips[i] = clock.ElapsedTicks - due;
                sends[i] = SendAsync(client, target, i, latencies, statuses);
            }
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        scheduler.Start();
        scheduler.Join();
        await Task.WhenAll(sends);
        var elapsed = clock.Elapsed.TotalSeconds;
        return Summarise(latencies, statuses, count, elapsed, slips);
    }

    /// <summary>Closed loop with <paramref name="connections"/> senders, each sending its next delivery as soon as the last is answered.</summary>
    public async Task<LoadResult> BurstAsync(Uri target, int connections, TimeSpan duration)
    {
        using var client = Client(connections);
        var capacity = 2_000_000;
        var latencies = new long[capacity];
        var statuses = new int[capacity];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var end = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var senders = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (clock.ElapsedTicks < end)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= capacity) return;
                await SendAsync(client, target, i, latencies, statuses);
            }
        }));
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed.TotalSeconds;
        return Summarise(latencies, statuses, Math.Min(next + 1, capacity), elapsed, slips: null);
    }

    private async Task SendAsync(HttpClient client, Uri target, int i, long[] latencies, int[] statuses)
    {
        using var request = delivery.Request(target);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            statuses[i] = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            statuses[i] = -1;
        }
        catch (TaskCanceledException)
        {
            statuses[i] = -2;
        }

        latencies[i] = Stopwatch.GetTimestamp() - start;
    }

    private static HttpClient Client(int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("GitHub-Hookshot", "3a8e8f1"));
        return client;
    }

    private static LoadResult Summarise(long[] latencies, int[] statuses, int count, double seconds, long[]? slips)
    {
        var ms = latencies.AsSpan(0, count).ToArray().Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var failures = statuses.AsSpan(0, count).ToArray().Where(s => s is < 200 or > 299).ToArray();
        var failedBy = string.Join(", ", failures.GroupBy(s => s).Select(g => $"{g.Count()} × {(g.Key < 0 ? "no answer" : g.Key)}"));
        var slip = slips is null ? 0 : Percentile([.. slips.Select(t => t * 1000.0 / Stopwatch.Frequency).Order()], 0.99);
        return new LoadResult(count, failures.Length, Percentile(ms, 0.50), Percentile(ms, 0.99), ms.Length == 0 ? 0 : ms[^1], count / seconds, slip, failedBy);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
