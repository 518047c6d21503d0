namespace GovernanceBot;

/// <summary>
/// <c>healthcheck</c>: GETs the running server's <c>/healthz</c> and exits 0 when it answers 200. For the container's
/// HEALTHCHECK, since the runtime image has no curl.
/// </summary>
public static class HealthcheckCommand
{
    public const string Verb = "healthcheck";

    public static async Task<int> RunAsync(TextWriter stderr)
    {
        var url = Environment.GetEnvironmentVariable("HEALTHCHECK_URL") ?? "http://127.0.0.1:8080/healthz";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            if (response.IsSuccessStatusCode) return 0;
            await stderr.WriteLineAsync($"{url} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"{url}: {e.Message}");
        }

        return 1;
    }
}
