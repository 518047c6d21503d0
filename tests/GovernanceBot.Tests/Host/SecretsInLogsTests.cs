using System.Globalization;
using System.Text;
using GovernanceBot.Tests.Fakes;
using Serilog.Core;
using Serilog.Events;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Operators ship logs to places many people read. A whole run — rejected deliveries, faults and retries, token renewals,
/// a vote from label to decision — writes neither the webhook secrets, nor a line of the App's private key, nor a token.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class SecretsInLogsTests(GitHubBehindPrism wire)
{
    /// <summary>Every event as text: the rendered message, every property (scopes included) and the exception.</summary>
    private sealed class Capture : ILogEventSink
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public void Emit(LogEvent logEvent)
        {
            var text = new StringBuilder(logEvent.RenderMessage(CultureInfo.InvariantCulture));
            foreach (var (name, value) in logEvent.Properties) text.Append(' ').Append(name).Append('=').Append(value);
            if (logEvent.Exception is { } e) text.Append(' ').Append(e);
            lock (_lines) _lines.Add(text.ToString());
        }
    }

    [Fact]
    public async Task A_whole_run_logs_no_webhook_secret_no_private_key_line_and_no_token()
    {
        var capture = new Capture();
        await using (var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Time = Time.Offset, Logs = capture }))
        {
            // Deliveries that are refused: unsigned, signed with a wrong secret, tampered with.
            var labeled = Given.Labeled().ToJsonString();
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Host.SendAsync("issues", labeled, secret: null)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Host.SendAsync("issues", labeled, secret: "not the secret")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Host.SendAsync("issues", labeled + " ", signature: Webhooks.WebhookSignature.Sign(Encoding.UTF8.GetBytes(labeled), BotHost.Secret))).StatusCode);

            // GitHub fails once while the bot posts its first comment, and the bot retries.
            app.GitHub.Interfere(HttpMethod.Post, "/comments", new FakeFault(500));
            await app.LabelAsync("rfc", by: "dana");
            await app.SettleAsync(() => app.Has("governance/discussion"));

            // Two weeks on (tokens expire after an hour: new ones are minted), the vote opens and is decided.
            app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            await app.DeliverAsync("issues", Given.Labeled());
            await app.SettleAsync(() => app.Has("governance/voting"));
            await app.VoteAsync("alice", "+1");
            await app.VoteAsync("bob", "-1 Not yet: the token ghs_ in the docs is confusing.");
            await app.VoteAsync("carol", "+1");

            await app.SettleAsync(() => app.Has("governance/approved"));
            Assert.True(app.GitHub.TokensIssued >= 2, $"only {app.GitHub.TokensIssued} installation token(s) were issued; the run should renew one");
        }

        var lines = capture.Lines;
        Assert.Contains(lines, l => l.StartsWith("Reconciled", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(LogLeaks.In(lines));
    }
}
