using GovernanceBot.Tests.Fakes;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Labels are created only when GitHub says they are missing: a burst of issues labelled at once in one repository
/// looks the phase label up once, creates it once, and never runs into 422 "already_exists".
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class LabelBurstTests(GitHubBehindPrism wire, ITestOutputHelper output)
{
    private const string Repo = GovernanceApp.Repo;

    [Fact]
    public async Task Twenty_issues_labelled_at_once_create_the_phase_label_once_and_meet_no_422()
    {
        var numbers = Enumerable.Range(100, 20).ToList();
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Given = github => numbers.Aggregate(github.RfcRepository(), (g, n) => g.GivenIssue(Repo, n, $"RFC {n}", "dana")),
        });
        var before = app.GitHub.Exchanges().Count;

        foreach (var n in numbers) app.GitHub.AddLabel(Repo, n, "rfc", "dana");
        var responses = await Task.WhenAll(numbers.Select(n => app.DeliverAsync("issues", Given.Labeled(n))));
        await app.SettleAsync(() => numbers.All(n => app.GitHub.Labels(Repo, n).Contains("governance/discussion")), seconds: 60);

        var burst = app.GitHub.Exchanges().Skip(before).ToList();
        var creates = burst.Count(e => e.Request.Method == "POST" && e.Request.Path == $"/repos/{Repo}/labels");
        var lookups = burst.Count(e => e.Request.Method == "GET" && e.Request.Path.StartsWith($"/repos/{Repo}/labels/", StringComparison.Ordinal));
        var refused = burst.Count(e => e.Status == 422);
        output.WriteLine($"20 issues labelled at once: {burst.Count} requests, {lookups} label lookup(s), {creates} label create(s), {refused} × 422");

        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, creates);
        Assert.Equal(1, lookups);
        Assert.Equal(0, refused);
        app.AssertNoViolations();
    }
}
