using System.Net;
using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The installation changes under the bot: removed, suspended, its repositories changed. The cached token is dropped at
/// once, and the host stays healthy.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class InstallationFaultTests(GitHubBehindPrism wire)
{
    [Theory]
    [InlineData("installation", "deleted.payload.json")]
    [InlineData("installation", "suspend.payload.json")]
    [InlineData("installation_repositories", "removed.payload.json")]
    public async Task The_cached_token_is_dropped_at_once_and_the_host_stays_healthy(string @event, string file)
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Time = Time.Offset });
        var sweeper = app.Host.Services.GetRequiredService<GovernanceBot.Processing.Sweeper>();
        await app.SettleAsync(() => sweeper.Completed >= 1);
        var tokens = app.Host.Services.GetRequiredService<GitHubConnections>().Tokens;
        Assert.True(tokens.Holds(Given.Installation)); // the start-up sweep used it

        if (file == "deleted.payload.json") app.GitHub.RemoveInstallation(Given.Installation);
        var payload = Payloads.Load(@event, file);
        payload["installation"]!["id"] = Given.Installation;
        var response = await app.DeliverAsync(@event, payload);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith($"{@event}.{file.Split('.')[0]}: its token is dropped", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(tokens.Holds(Given.Installation));

        // A delivery for the removed installation fails to get a token, is logged and retried later; nothing else breaks.
        Assert.Equal(HttpStatusCode.Accepted, (await app.LabelAsync("rfc", by: "dana")).StatusCode);
        await Task.Delay(500);
        await app.AssertHealthyAsync();
        if (file != "deleted.payload.json")
        {
            // Still installed: a fresh token is asked for and the work is done.
            await app.SettleAsync(() => app.Has("governance/discussion"), seconds: 30);
            Assert.Equal(2, app.GitHub.TokensIssued);
        }

        app.AssertNoViolations(responsesToo: false);
    }
}
