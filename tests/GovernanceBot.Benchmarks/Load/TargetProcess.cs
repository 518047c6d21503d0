using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>
/// A server under load, in a process of its own (so its memory is its own): the bot (<c>dotnet GovernanceBot.dll</c>)
/// or the bare endpoint. Its output is read and dropped, keeping the last lines for an error report.
/// </summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private long _lines;

    private TargetProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int Id => _process.Id;

    /// <summary>Lines the process has written (the bot logs one per delivery at Information).</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Starts <c>dotnet <paramref name="arguments"/></c> with <paramref name="environment"/> and waits for <c>/healthz</c>.</summary>
    public static async Task<TargetProcess> StartAsync(string name, int port, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var target = new TargetProcess(name, port, Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start"));
        await target.WaitHealthyAsync();
        return target;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The resident set (<c>VmRSS</c>) and its peak (<c>VmHWM</c>) from <c>/proc/PID/status</c>, in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
        }

        return (rss, peak);
    }

    /// <summary>
    /// Where the resident set is (<c>--smaps</c>): anonymous and file-backed totals from <c>/proc/PID/status</c>, and
    /// the largest mappings from <c>/proc/PID/smaps</c> grouped by file (anonymous ones as one line).
    /// </summary>
    public string MemoryBreakdown(int top = 15)
    {
        var status = File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith("Rss", StringComparison.Ordinal) || l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("Threads", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var byName = new Dictionary<string, long>();
        var name = "[anon]";
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps"))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                name = fields.Length >= 6 ? Path.GetFileName(fields[5]) : "[anon]";
                if (name.Length == 0) name = fields[5];
            }
            else if (fields.Length >= 2 && fields[0] == "Rss:")
            {
                byName[name] = byName.GetValueOrDefault(name) + long.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var largest = byName.OrderByDescending(p => p.Value).Take(top).Select(p => $"    {p.Value / 1024.0,7:F1} MB  {p.Key}");
        return string.Join(" | ", status) + "\n" + string.Join('\n', largest);
    }

    /// <summary>CPU time the process has used so far (user and system, from <c>/proc/PID/stat</c>).</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public string LastLines()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{Name} did not answer /healthz:\n{LastLines()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        Interlocked.Increment(ref _lines);
        if (Environment.GetEnvironmentVariable("LOAD_TARGET_LOG") is { Length: > 0 } log)
        {
            lock (_lastLines) File.AppendAllText($"{log}.{Name}", line + "\n"); // a diagnostic: every line the target wrote
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
