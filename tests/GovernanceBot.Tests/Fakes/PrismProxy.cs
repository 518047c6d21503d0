using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// Stoplight Prism as a validating proxy (GitHubFixtures/README.md): every request passes through it on its way to
/// the fake and is checked against GitHub's REST description. Send through <see cref="CreateCheckingHandler"/> and
/// call <see cref="AssertNoViolations"/> at the end of a test.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    public const string DefaultSpec = "github-issues-api.prism.json";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly ConcurrentQueue<string> requestViolations = new();
    private readonly ConcurrentQueue<string> responseViolations = new();

    private PrismProxy(Process process, string url, string upstream)
    {
        this.process = process;
        Url = url;
        Upstream = upstream.TrimEnd('/') + "/";
    }

    /// <summary>The fake behind Prism: GraphQL requests go there directly, since GitHub's REST description does not cover them.</summary>
    public string Upstream { get; }

    /// <summary>Prism's address, with a final slash: use it as <c>GitHub:ApiUrl</c>.</summary>
    public string Url { get; }

    /// <summary>Requests GitHub's schema rejects, as "METHOD path: message".</summary>
    public IReadOnlyList<string> RequestViolations => [.. requestViolations];

    /// <summary>Answers (from the fake) that GitHub's schema would not produce: a check on the fake itself.</summary>
    public IReadOnlyList<string> ResponseViolations => [.. responseViolations];

    public static async Task<PrismProxy> StartAsync(string upstreamUrl, string spec = DefaultSpec)
    {
        var prismDir = Locate(Path.Combine("tests", "GovernanceBot.Tests", "prism"), "package.json", "the Prism package folder");
        var specPath = GitHubFixtures.OpenApi(spec);
        if (!File.Exists(Path.Combine(prismDir, "node_modules", ".bin", "prism")))
        {
            // A clean clone (CI): install exactly what package-lock.json pins.
            await RunAsync("npm", "ci --no-audit --no-fund", prismDir, TimeSpan.FromMinutes(5));
        }

        var port = FakeGitHub.FreePort();
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = prismDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine("node_modules", ".bin", "prism"), "proxy", specPath, upstreamUrl.TrimEnd('/'), "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start node");
        var proxy = new PrismProxy(process, $"http://127.0.0.1:{port}/", upstreamUrl);
        process.OutputDataReceived += (_, e) => proxy.Log(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await proxy.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return proxy;
    }

    /// <summary>A handler (to put under the code being tested) that records Prism's verdict on every exchange.</summary>
    /// <param name="generation">the fake's <see cref="FakeGitHub.Generation"/> the code under test was made for, sent with every request.</param>
    public HttpMessageHandler CreateCheckingHandler(int? generation = null) => new CheckingHandler(this, generation) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>Fails the test when any request broke GitHub's REST description (or, with <paramref name="responsesToo"/>, any answer of the fake did).</summary>
    public void AssertNoViolations(bool responsesToo = true)
    {
        Assert.True(requestViolations.IsEmpty, "Requests GitHub's REST description rejects:\n" + string.Join("\n", requestViolations));
        if (responsesToo)
        {
            Assert.True(responseViolations.IsEmpty, "Fake GitHub answers that do not match GitHub's REST description:\n" + string.Join("\n", responseViolations));
        }
    }

    public void ClearViolations()
    {
        requestViolations.Clear();
        responseViolations.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit; // wall clock on purpose: a real process is starting
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Any answer at all (even a 404 for an unknown route) means it is listening.
                using var _ = await probe.GetAsync(new Uri(Url + "rate_limit"));
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Prism did not start within {limit}:\n{Output()}");
    }

    private void Inspect(HttpRequestMessage request, HttpResponseMessage response, string? body)
    {
        var what = $"{request.Method} {request.RequestUri?.PathAndQuery}";
        if (response.Headers.TryGetValues("sl-violations", out var values))
        {
            foreach (var value in values)
            {
                using var violations = JsonDocument.Parse(value);
                foreach (var v in violations.RootElement.EnumerateArray())
                {
                    var location = v.TryGetProperty("location", out var l) && l.GetArrayLength() > 0 ? l[0].GetString() : null;
                    var message = v.GetProperty("message").GetString() ?? "";
                    var text = $"{what}: {message} ({(v.TryGetProperty("location", out var loc) ? loc.ToString() : "")})";

                    // GitHub's description does not list every error status GitHub sends (a 404 for an unknown team), nor the
                    // 304 it answers to a conditional request (docs.github.com: "Use conditional requests if appropriate").
                    if (location == "response" && ((int)response.StatusCode >= 400 || (int)response.StatusCode == 304) && message.StartsWith("Unable to match the returned status code", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    (location == "request" ? requestViolations : responseViolations).Enqueue(text);
                }
            }
        }

        // Prism answers problem+json itself when it refuses a request (unknown path, wrong method, invalid body or query).
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json" && body is not null)
        {
            string? type = null;
            try
            {
                type = JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            }
            catch (JsonException)
            {
                type = "(not JSON)";
            }

            if (type is null || type.Contains("stoplight.io/prism/errors", StringComparison.Ordinal) || type == "(not JSON)")
            {
                requestViolations.Enqueue($"{what}: Prism refused it ({(int)response.StatusCode}): {body}");
            }
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task RunAsync(string file, string arguments, string directory, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })
                            ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    private static string Locate(string relative, string marker, string what)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, relative);
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{what} ({relative}) was not found above {AppContext.BaseDirectory}.");
    }

    private sealed class CheckingHandler(PrismProxy prism, int? generation) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (generation is { } g && !request.Headers.Contains(FakeGitHub.GenerationHeader))
            {
                // Once: a retry sends the same request message again, and a second value would not name this generation.
                request.Headers.TryAddWithoutValidation(FakeGitHub.GenerationHeader, g.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (request.RequestUri?.AbsolutePath == "/graphql")
            {
                // Not REST: the fake checks the query's shape itself (FakeGitHub.GraphQlViolations).
                request.RequestUri = new Uri(prism.Upstream + "graphql");
                return await base.SendAsync(request, cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            string? body = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }

            prism.Inspect(request, response, body);
            return response;
        }
    }
}

/// <summary>
/// One fake GitHub behind one Prism for a whole test collection (Prism takes seconds to start); each test calls
/// <see cref="Fresh"/> for an empty GitHub and no recorded violations.
/// </summary>
public sealed class GitHubBehindPrism : IAsyncLifetime
{
    public FakeGitHub GitHub { get; } = new();

    public PrismProxy Prism { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Prism = await PrismProxy.StartAsync(GitHub.Url);
        GitHub.PublicUrl = Prism.Url;
    }

    public FakeGitHub Fresh(TimeProvider? clock = null)
    {
        GitHub.Reset(clock);
        Prism.ClearViolations();
        return GitHub;
    }

    public async Task DisposeAsync()
    {
        await Prism.DisposeAsync();
        GitHub.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GitHubBehindPrismCollection : ICollectionFixture<GitHubBehindPrism>
{
    public const string Name = "GitHub behind Prism";
}
