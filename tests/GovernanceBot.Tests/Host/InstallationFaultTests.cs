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
    private const string Repo = Given.Repo;

    [Theory]
    [InlineData("installation", "deleted.payload.json")]
    [InlineData("installation", "suspend.payload.json")]
    [InlineData("installation_repositories", "removed.payload.json")]
    public async Task The_cached_token_is_dropped_at_once_and_the_host_stays_healthy(string @event, string file)
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        await using var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        var sweeper = host.Services.GetRequiredService<GovernanceBot.Processing.Sweeper>();
        await host.SettleAsync(() => sweeper.Completed >= 1);
        var tokens = host.Services.GetRequiredService<GitHubConnections>().Tokens;
        Assert.True(tokens.Holds(Given.Installation)); // the start-up sweep used it

        if (file == "deleted.payload.json") github.RemoveInstallation(Given.Installation);
        var payload = Payloads.Load(@event, file);
        payload["installation"]!["id"] = Given.Installation;
        var response = await host.SendAsync(@event, payload);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith($"{@event}.{file.Split('.')[0]}: its token is dropped", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(tokens.Holds(Given.Installation));

        // A delivery for the removed installation fails to get a token, is logged and retried later; nothing else breaks.
        github.AddLabel(Repo, Given.Issue, "rfc", "dana");
        Assert.Equal(HttpStatusCode.Accepted, (await host.SendAsync("issues", Given.Labeled())).StatusCode);
        await Task.Delay(500);
        var health = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        if (file != "deleted.payload.json")
        {
            // Still installed: a fresh token is asked for and the work is done.
            await host.SettleAsync(() => github.Labels(Repo, Given.Issue).Contains("governance/discussion"), seconds: 30);
            Assert.Equal(2, github.TokensIssued);
        }

        wire.Prism.AssertNoViolations(responsesToo: false);
    }
}
