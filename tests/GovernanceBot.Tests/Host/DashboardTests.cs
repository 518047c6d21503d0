using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>The dashboard of the running bot: what an anonymous visitor and a token holder see, from the recorded state alone.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DashboardTests(GitHubBehindPrism wire)
{
    public const string Token = "dashboard-token-for-tests";

    private static GovernanceAppOptions WithToken => new() { Settings = new Dictionary<string, string> { ["Dashboard:AccessToken"] = Token } };

    private static async Task<string> GetAsync(BotHost host, string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_private_repositorys_process_is_absent_for_an_anonymous_visitor_and_present_with_the_token()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithToken);
        app.GitHub.AddLabel(GovernanceApp.Repo, GovernanceApp.Issue, "rfc", "dana");
        var labeled = Given.Labeled();
        labeled["repository"]!["private"] = true;
        await app.DeliverAsync("issues", labeled);
        await app.SettleAsync(() => app.Has("governance/discussion"));

        foreach (var path in new[] { "/", "/api/processes" })
        {
            Assert.DoesNotContain("octo-org/rfcs", await GetAsync(app.Host, path));
            Assert.DoesNotContain("octo-org/rfcs", await GetAsync(app.Host, path, bearer: "wrong-token"));
            Assert.Contains("octo-org/rfcs", await GetAsync(app.Host, path, bearer: Token));
        }

        // The sign-in form sets a cookie that shows the private repository to the browser that presented the token.
        var client = app.Host.CreateClient();
        var signIn = await client.PostAsync("/dashboard/token", new FormUrlEncodedContent([new("token", Token)]));
        Assert.Contains("octo-org/rfcs", await client.GetStringAsync("/"));
        Assert.True(signIn.IsSuccessStatusCode || signIn.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_public_process_shows_its_phase_deadline_and_arithmetic_in_html_and_json_and_a_page_view_calls_no_github()
    {
        await using var app = await GovernanceApp.StartAsync(wire);
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
        app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.Host.Services.GetRequiredService<GovernanceBot.Dashboard.DashboardStore>().Snapshot().Any(p => p.Round.BindingBallots.Any()));

        var requests = app.GitHub.Requests().Count;
        var html = await GetAsync(app.Host, "/");
        var json = await GetAsync(app.Host, "/api/processes");

        Assert.Equal(requests, app.GitHub.Requests().Count);
        Assert.Contains("1 of 3 voted, quorum 2, 1 of 1 +1", html);
        Assert.Contains("bob, carol", html);
        Assert.Contains("\"phase\":\"voting\"", json);
        Assert.Contains("\"notVoted\":[\"bob\",\"carol\"]", json);
        Assert.Contains("No open process.", await GetAsync(app.Host, "/?login=alice"));
        Assert.Contains("Waiting for bob&#39;s vote", await GetAsync(app.Host, "/?login=bob"));
    }
}
