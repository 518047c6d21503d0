using System.Net;
using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace GovernanceBot.Tests.Host;

/// <summary>How time passes for a <see cref="GovernanceApp"/>.</summary>
public enum Time
{
    /// <summary>A <see cref="FakeTimeProvider"/>: nothing is due until the test moves the clock.</summary>
    Fake,

    /// <summary>An <see cref="OffsetClock"/>: real time shifted to the start, so retry delays really pass.</summary>
    Offset,
}

/// <summary>How a <see cref="GovernanceApp"/> is set up; every field has the value most tests want.</summary>
public sealed record GovernanceAppOptions
{
    public Time Time { get; init; } = Time.Fake;

    public DateTimeOffset Start { get; init; } = GovernanceApp.DefaultStart;

    /// <summary>The <c>.github/governance.yml</c> of <see cref="Host.Given.RfcRepository"/>.</summary>
    public string Config { get; init; } = Host.Given.ThreeMemberTsc;

    /// <summary>What GitHub holds before the bot starts, in place of <see cref="Host.Given.RfcRepository"/>.</summary>
    public Func<FakeGitHub, FakeGitHub>? Given { get; init; }

    /// <summary>More host configuration, applied last (e.g. <c>GitHub:Resilience:AttemptTimeout</c>).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public string? ReplicaId { get; init; }

    public TimeSpan? ClaimSettle { get; init; }

    /// <summary>Receives every log event the host writes.</summary>
    public ILogEventSink? Logs { get; init; }

    /// <summary>Wraps the network handler (Prism's checking handler) the bot talks to GitHub through.</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? Network { get; init; }

    /// <summary>
    /// On a fake clock, while the test waits for the bot, time moves by this step at each tick: a retry after an attempt
    /// that timed out on a loaded machine waits on the fake clock, and would otherwise never end. Null: the clock stands still.
    /// </summary>
    public (TimeSpan Step, TimeSpan Every)? TickWhileSettling { get; init; }

    /// <summary>How long (in real time) a wait for the bot may take before the test fails.</summary>
    public int SettleSeconds { get; init; } = 60;
}

/// <summary>
/// The bot as a test meets it: the real host (one or more replicas), the fake GitHub behind Prism and the clock, with
/// the verbs of governance (label, comment, vote, let time pass) and what a reader sees on the issue. Created per test.
/// </summary>
public sealed partial class GovernanceApp : IAsyncDisposable
{
    public const string Repo = Given.Repo;
    public const int Issue = Given.Issue;
    public const string StatusMarker = "<!-- governance-bot:status -->";
    public static readonly DateTimeOffset DefaultStart = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly GovernanceAppOptions _options;
    private readonly PrismProxy? _prism;
    private readonly string _apiUrl;
    private readonly List<BotHost> _hosts = [];

    /// <summary>GitHub behind Prism: every request the bot makes is checked against GitHub's REST description.</summary>
    public GovernanceApp(GitHubBehindPrism wire, GovernanceAppOptions? options = null)
        : this(wire.Fresh, wire.Prism, options)
    {
    }

    /// <summary>A plain fake GitHub, for tests of the webhook edge that check no request's shape.</summary>
    public GovernanceApp(GitHubWithoutPrism wire, GovernanceAppOptions? options = null)
        : this(wire.Fresh, prism: null, options)
    {
    }

    private GovernanceApp(Func<TimeProvider?, FakeGitHub> fresh, PrismProxy? prism, GovernanceAppOptions? options)
    {
        _options = options ?? new GovernanceAppOptions();
        _prism = prism;
        Clock = _options.Time == Time.Fake ? new FakeTimeProvider(_options.Start) : new OffsetClock(_options.Start);
        GitHub = fresh(Clock);
        GitHub = _options.Given?.Invoke(GitHub) ?? GitHub.RfcRepository(_options.Config);
        _apiUrl = prism?.Url ?? GitHub.Url;
    }

    public FakeGitHub GitHub { get; }

    /// <summary>Where the bot reaches GitHub: Prism's URL in front of the fake, or the fake's own.</summary>
    public string ApiUrl => _apiUrl;

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The (first) running replica of the bot.</summary>
    public BotHost Host => _hosts.Count > 0 ? _hosts[0] : throw new InvalidOperationException("the bot is not running");

    public bool IsRunning => _hosts.Count > 0;

    public PrismProxy Prism => _prism ?? throw new InvalidOperationException("this app has no Prism in front of GitHub");

    /// <summary>Sets up GitHub as the options say and starts the bot, after its start-up sweep.</summary>
    public static async Task<GovernanceApp> StartAsync(GitHubBehindPrism wire, GovernanceAppOptions? options = null)
    {
        var app = new GovernanceApp(wire, options);
        await app.StartAsync();
        return app;
    }

    /// <summary>Starts the bot (restarts it, if it runs) and waits for its start-up sweep.</summary>
    public async Task StartAsync()
    {
        await StopAsync();
        await StartReplicaAsync(_options.ReplicaId);
    }

    /// <summary>Starts one more replica of the bot against the same GitHub and clock; deliveries go to every replica.</summary>
    public async Task<BotHost> StartReplicaAsync(string? replicaId)
    {
        var network = _prism?.CreateCheckingHandler(GitHub.Generation);
        if (network is not null && _options.Network is { } wrap) network = wrap(network);
        var host = new BotHost(_apiUrl, Clock, network, replicaId: replicaId, claimSettle: _options.ClaimSettle, logs: _options.Logs, settings: _options.Settings);
        _hosts.Add(host);
        await SettleAsync(host, condition: null);
        return host;
    }

    /// <summary>Stops every replica, as a deployment or a crash would.</summary>
    public async Task StopAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _hosts.Clear();
    }

    /// <summary>Stops one replica, as a rolling update or a crash of its node would; the others keep running.</summary>
    public async Task StopReplicaAsync(BotHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    // ---- what people do on GitHub ----

    /// <summary><paramref name="by"/> applies <paramref name="label"/>; GitHub records it and sends <c>issues.labeled</c>.</summary>
    public async Task<HttpResponseMessage> LabelAsync(string label = "rfc", string by = "dana", int issue = Issue)
    {
        GitHub.AddLabel(Repo, issue, label, by);
        var labeled = Given.Labeled(issue);
        labeled["label"]!["name"] = label;
        return await DeliverAsync("issues", labeled);
    }

    /// <summary><paramref name="login"/> comments now; GitHub sends <c>issue_comment.created</c>, which the bot takes in.</summary>
    public async Task<long> CommentAsync(string login, string body, bool isBot = false)
    {
        var id = GitHub.GivenComment(Repo, Issue, login, body, Now, isBot);
        var response = await DeliverAsync("issue_comment", Given.CommentCreated(id, login, body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    /// <summary>GitHub holds a comment by <paramref name="login"/> (at <paramref name="at"/>, now unless told) whose delivery never comes.</summary>
    public long CommentWithoutWebhook(string login, string body, DateTimeOffset? at = null) => GitHub.GivenComment(Repo, Issue, login, body, at ?? Now);

    /// <summary><paramref name="login"/> writes <c>/vote <paramref name="vote"/></c> (e.g. <c>+1</c>, <c>-1 a reason</c>).</summary>
    public Task<long> VoteAsync(string login, string vote) => CommentAsync(login, "/vote " + vote);

    /// <summary><paramref name="by"/> rewrites comment <paramref name="id"/>; GitHub sends <c>issue_comment.edited</c>.</summary>
    public async Task EditAsync(long id, string body, string by)
    {
        GitHub.EditComment(id, body, by);
        await SendEditedAsync(id, body, by);
    }

    /// <summary>The <c>issue_comment.edited</c> delivery alone (GitHub redelivering it, or an edit made before).</summary>
    public async Task SendEditedAsync(long id, string body, string by)
    {
        var payload = Payloads.For("issue_comment", "edited.payload.json", Given.Installation, Repo, Issue);
        payload["comment"]!["id"] = id;
        payload["comment"]!["body"] = body;
        payload["sender"] = new JsonObject { ["login"] = by, ["id"] = 99, ["type"] = "User" };
        await DeliverAsync("issue_comment", payload);
    }

    /// <summary>One signed delivery, sent (with one delivery id) to every running replica; the first one's answer.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string @event, JsonObject payload, string? delivery = null)
    {
        delivery ??= Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(_hosts.Select((h, i) => h.SendAsync(@event, i == 0 ? payload : payload.DeepClone().AsObject(), delivery)));
        return responses[0];
    }

    // ---- time ----

    /// <summary>Time passes (timers that come due fire on their own); the test does not wait for the bot.</summary>
    public void Advance(TimeSpan by)
    {
        switch (Clock)
        {
            case FakeTimeProvider fake: fake.Advance(by); break;
            case OffsetClock offset: offset.Advance(by); break;
        }
    }

    /// <summary>Time passes by <paramref name="by"/>, and the bot does what it has to do.</summary>
    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Now + by);

    /// <summary>The clock moves to <paramref name="moment"/>, and the bot (if running) does what is due.</summary>
    public async Task AdvanceToAsync(DateTimeOffset moment)
    {
        Advance(moment - Now);
        if (IsRunning) await SettleAsync();
    }

    /// <summary>Moves the fake clock by <paramref name="step"/> every <paramref name="every"/> until disposed.</summary>
    public IAsyncDisposable KeepTimeMoving(TimeSpan step, TimeSpan every) => new Ticker(() => Advance(step), every);

    /// <summary>Waits (in real time, bounded) until every replica's queue is drained and <paramref name="condition"/> holds.</summary>
    public async Task SettleAsync(Func<bool>? condition = null, int? seconds = null)
    {
        foreach (var host in _hosts.ToList()) await SettleAsync(host, condition, seconds);
    }

    private async Task SettleAsync(BotHost host, Func<bool>? condition, int? seconds = null)
    {
        seconds ??= _options.SettleSeconds;
        if (_options.TickWhileSettling is not { } tick || Clock is not FakeTimeProvider)
        {
            await host.SettleAsync(condition, seconds.Value);
            return;
        }

        // Time moves only while the test really waits: a bot already settled sees the clock where the test left it.
        if (host.Queue.Count == 0 && (condition?.Invoke() ?? true)) return;
        await using (KeepTimeMoving(tick.Step, tick.Every))
        {
            await host.SettleAsync(condition, seconds.Value);
        }
    }

    // ---- what a reader sees on the issue ----

    public IReadOnlyList<string> Labels => GitHub.Labels(Repo, Issue);

    public bool Has(string label) => Labels.Contains(label);

    public IReadOnlyList<FakeComment> Comments => GitHub.Comments(Repo, Issue);

    /// <summary>The bot's own comments on the issue.</summary>
    public IReadOnlyList<FakeComment> BotComments => [.. Comments.Where(c => c.Author == GitHub.BotLogin)];

    /// <summary>The bot's comments that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<FakeComment> BotCommentsWith(string text) => [.. BotComments.Where(c => c.Body.Contains(text, StringComparison.Ordinal))];

    /// <summary>The bot's one status comment (the test fails if there is none, or more than one).</summary>
    public FakeComment StatusComment => Assert.Single(BotComments, c => c.Body.Contains(StatusMarker, StringComparison.Ordinal));

    public string Status => StatusComment.Body;

    /// <summary>Fails the test when a request (or, with <paramref name="responsesToo"/>, an answer) broke GitHub's REST description.</summary>
    public void AssertNoViolations(bool responsesToo = true) => Prism.AssertNoViolations(responsesToo);

    /// <summary>The host answers its health check.</summary>
    public async Task AssertHealthyAsync()
    {
        var health = await Host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private sealed class Ticker : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _ticking;

        public Ticker(Action tick, TimeSpan every) => _ticking = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(every, CancellationToken.None);
                tick();
            }
        });

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _ticking;
            _stop.Dispose();
        }
    }
}
