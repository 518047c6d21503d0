using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>GitHub misbehaving while the bot works: each fault ends in the right state, with no duplicate comment.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class FaultTests(GitHubBehindPrism wire)
{
    // An attempt GitHub holds for 4 s times out after 2 s and is retried (or, for a comment POST, checked).
    private static readonly Dictionary<string, string> ShortAttempts = new() { ["GitHub:Resilience:AttemptTimeout"] = "00:00:02" };

    public static TheoryData<string, string, string, FakeFault> Faults() => new()
    {
        { "500 then 200 on the comment POST", "POST", "/comments", new FakeFault(500) },
        { "500 then 200 on the label POST", "POST", "/issues/12/labels", new FakeFault(500) },
        { "403 secondary rate limit with Retry-After", "POST", "/comments", new FakeFault(403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}", [("Retry-After", "1")]) },
        { "429 with Retry-After", "POST", "/comments", new FakeFault(429, "{\"message\":\"Too many requests\"}", [("Retry-After", "1")]) },
        { "a timeout after GitHub stored the comment", "POST", "/comments", new FakeFault(Delay: TimeSpan.FromSeconds(4), AfterHandling: true) },
        { "a timeout reading the issue", "GET", "/issues/12", new FakeFault(Delay: TimeSpan.FromSeconds(4)) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Each_fault_ends_in_the_right_state_without_a_duplicate_comment(string name, string method, string path, FakeFault fault)
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Time = Time.Offset, Settings = ShortAttempts });

        app.GitHub.Interfere(new HttpMethod(method), path, fault);
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 30);

        Assert.Equal(["rfc", "governance/discussion"], app.Labels);
        var bot = app.BotComments;
        Assert.True(bot.Count == 1, $"{name}: {bot.Count} bot comments");
        Assert.Contains(GovernanceApp.StatusMarker, bot[0].Body);

        // The fault really happened: the call was made again, except a comment POST GitHub had stored, which is never repeated.
        var attempts = app.GitHub.Requests().Count(r => r.Method == method && r.Path.EndsWith(path, StringComparison.Ordinal));
        if (fault.AfterHandling) Assert.Equal(1, attempts);
        else Assert.True(attempts >= 2, $"{name}: the faulted call was made {attempts} time(s)");
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task The_endpoint_answers_while_GitHub_still_holds_its_answer()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Time = Time.Offset });

        // GitHub holds its answer to the bot's first read of the issue for three seconds.
        app.GitHub.Interfere(HttpMethod.Get, "/issues/12", new FakeFault(Delay: TimeSpan.FromSeconds(3)));
        var response = await app.LabelAsync("rfc", by: "dana");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(app.GitHub.PostedComments());
        Assert.DoesNotContain("governance/discussion", app.Labels);

        await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 30);
        Assert.Single(app.GitHub.PostedComments());
    }
}
