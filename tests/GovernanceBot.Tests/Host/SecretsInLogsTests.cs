using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.GitHub;
using Serilog.Core;
using Serilog.Events;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Operators ship logs to places many people read. A whole run — rejected deliveries, faults and retries, token renewals,
/// a vote from label to decision — writes neither the webhook secrets, nor a line of the App's private key, nor a token.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed partial class SecretsInLogsTests(GitHubBehindPrism wire)
{
    private const string Repo = Given.Repo;

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

    // An installation token (ghs_…, or the older v1.… form) or a JSON web token (the App's own credential).
    [GeneratedRegex(@"\bghs_[A-Za-z0-9_]+|\bv1\.[0-9a-f]{40}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Credential();

    private static IEnumerable<string> Leaks(IEnumerable<string> lines)
    {
        var keyLines = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal))
            .ToList();
        foreach (var line in lines)
        {
            if (line.Contains(BotHost.Secret, StringComparison.Ordinal)) yield return $"webhook secret in: {line}";
            if (line.Contains(BotHost.OldSecret, StringComparison.Ordinal)) yield return $"previous webhook secret in: {line}";
            if (keyLines.FirstOrDefault(k => line.Contains(k, StringComparison.Ordinal)) is not null) yield return $"a private key line in: {line}";
            if (Credential().Match(line) is { Success: true } m) yield return $"a credential ({m.Value[..Math.Min(8, m.Value.Length)]}…) in: {line}";
        }
    }

    [Fact]
    public void The_leak_detector_finds_each_kind_of_secret()
    {
        var keyLine = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem().Split('\n')[3];
        string[] lines =
        [
            $"secret {BotHost.Secret}", $"old {BotHost.OldSecret}", $"key {keyLine}", "Authorization: token ghs_fake42",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MjQyIn0.sig", "nothing to see here",
        ];

        Assert.Equal(5, Leaks(lines).Count());
    }

    [Fact]
    public async Task A_whole_run_logs_no_webhook_secret_no_private_key_line_and_no_token()
    {
        var capture = new Capture();
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository();
        await using (var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler(), logs: capture))
        {
            await host.SettleAsync();

            // Deliveries that are refused: unsigned, signed with a wrong secret, tampered with.
            var labeled = Given.Labeled().ToJsonString();
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.SendAsync("issues", labeled, secret: null)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.SendAsync("issues", labeled, secret: "not the secret")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.SendAsync("issues", labeled + " ", signature: Webhooks.WebhookSignature.Sign(Encoding.UTF8.GetBytes(labeled), BotHost.Secret))).StatusCode);

            // GitHub fails once while the bot posts its first comment, and the bot retries.
            github.Interfere(HttpMethod.Post, "/comments", new FakeFault(500));
            github.AddLabel(Repo, 12, "rfc", "dana");
            await host.SendAsync("issues", Given.Labeled(), delivery: null);
            await host.SettleAsync(() => github.Labels(Repo, 12).Contains("governance/discussion"));

            // Two weeks on (tokens expire after an hour: new ones are minted), the vote opens and is decided.
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            await host.SendAsync("issues", Given.Labeled());
            await host.SettleAsync(() => github.Labels(Repo, 12).Contains("governance/voting"));
            foreach (var (login, vote) in new[] { ("alice", "/vote +1"), ("bob", "/vote -1 Not yet: the token ghs_ in the docs is confusing."), ("carol", "/vote +1") })
            {
                var id = github.GivenComment(Repo, 12, login, vote, clock.GetUtcNow());
                await host.SendAsync("issue_comment", Given.CommentCreated(id, login, vote));
            }

            await host.SettleAsync(() => github.Labels(Repo, 12).Contains("governance/approved"));
            Assert.True(github.TokensIssued >= 2, $"only {github.TokensIssued} installation token(s) were issued; the run should renew one");
        }

        var lines = capture.Lines;
        Assert.Contains(lines, l => l.StartsWith("Reconciled", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(Leaks(lines));
    }
}
