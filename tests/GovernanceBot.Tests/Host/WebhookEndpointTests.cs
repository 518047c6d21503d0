using System.Net;
using System.Text;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Webhooks;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The webhook endpoint: signatures fail closed, every real payload is accepted, and it answers before any GitHub call.
/// What the endpoint answers is the point here, not the requests the bot makes afterwards (the tests behind Prism check
/// those), so GitHub is a plain fake.
/// </summary>
public sealed class WebhookEndpointTests : IClassFixture<GitHubWithoutPrism>, IAsyncLifetime
{
    private const string Repo = GovernanceApp.Repo;
    private readonly GovernanceApp _app;

    public WebhookEndpointTests(GitHubWithoutPrism wire)
    {
        _app = new GovernanceApp(wire);
    }

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> AllPayloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var (e, file) in Payloads.All()) data.Add(e, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPayloads))]
    public async Task Every_real_payload_is_accepted_when_signed_and_refused_when_not(string @event, string file)
    {
        var body = Payloads.Raw(@event, file);
        var tampered = body.TrimEnd()[..^1] + ", \"tampered\": true}";

        var signed = await _app.Host.SendAsync(@event, body, BotHost.Secret);
        var unsigned = await _app.Host.SendAsync(@event, body, secret: null);
        var wrongSecret = await _app.Host.SendAsync(@event, body, "not the secret");
        var tamperedBody = await _app.Host.SendAsync(@event, tampered, signature: WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), BotHost.Secret));
        var garbage = await _app.Host.SendAsync(@event, body, signature: "sha256=zz");

        Assert.True(signed.IsSuccessStatusCode, $"{@event}/{file}: {(int)signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tamperedBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        await _app.SettleAsync();
    }

    [Fact]
    public async Task The_fallback_secret_is_accepted_during_a_rotation()
    {
        var response = await _app.Host.SendAsync("ping", Payloads.Raw("ping", "payload.json"), BotHost.OldSecret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("star", "{\"action\":\"created\"}")]
    [InlineData("issues", "{\"action\":\"some_future_action\",\"issue\":{\"number\":1}}")]
    [InlineData("workflow_run", "{}")]
    public async Task Unknown_events_and_actions_are_an_ignored_2xx_never_a_500(string @event, string body)
    {
        var response = await _app.Host.SendAsync(@event, body, BotHost.Secret);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.StartsWith("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivery_with_the_same_delivery_id_is_acknowledged_and_not_processed_again()
    {
        _app.GitHub.AddLabel(Repo, 12, "rfc", "dana");
        var payload = Given.Labeled();
        var delivery = Guid.NewGuid().ToString();

        var first = await _app.DeliverAsync("issues", payload, delivery);
        await _app.SettleAsync(() => _app.Has("governance/discussion"));
        var requestsAfterFirst = _app.GitHub.Requests().Count;
        var second = await _app.DeliverAsync("issues", payload, delivery);
        await _app.SettleAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already accepted", await second.Content.ReadAsStringAsync());
        Assert.Equal(requestsAfterFirst, _app.GitHub.Requests().Count);
    }

    [Fact]
    public async Task Health_is_reported_at_healthz()
    {
        await _app.AssertHealthyAsync();
    }
}
