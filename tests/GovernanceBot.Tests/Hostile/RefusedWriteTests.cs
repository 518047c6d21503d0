using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Tests.Fakes;
using GovernanceBot.Tests.GitHub;
using GovernanceBot.Tests.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Hostile;

/// <summary>
/// One write GitHub refuses for good never blocks the decision (issue 8, defect 2): the real adapter and reconciler
/// against the fake GitHub behind Prism, which refuses bodies over 65,536 characters as GitHub does.
/// </summary>
[Trait("Category", "Hostile")]
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class RefusedWriteTests : IDisposable
{
    private const string Repo = Given.Repo;
    private static readonly IssueRef Issue = new(new RepoRef(Given.Installation, "octo-org", "rfcs"), Given.Issue);
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism wire;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly FakeGitHub github;
    private readonly AdapterUnderTest adapter;
    private readonly ListLogger<Reconciler> log = new();
    private readonly Reconciler reconciler;

    public RefusedWriteTests(GitHubBehindPrism wire)
    {
        this.wire = wire;
        github = wire.Fresh(clock).RfcRepository();
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        reconciler = new Reconciler(adapter.GitHub, clock, log);
    }

    public void Dispose() => adapter.Dispose();

    /// <summary>An rfc labelled at the start, voted by the TSC (2 × +1, 1 × 0) and by zoe with <paramref name="zoe"/>, read after the deadline.</summary>
    private async Task<ReconcileResult> DecidedRfcAsync(string zoe)
    {
        github.AddLabel(Repo, Given.Issue, "rfc", "dana");
        var voting = Start + TimeSpan.FromDays(14) + TimeSpan.FromHours(1);
        github.GivenComment(Repo, Given.Issue, "zoe", zoe, voting);
        github.GivenComment(Repo, Given.Issue, "alice", "/vote +1", voting + TimeSpan.FromHours(1));
        github.GivenComment(Repo, Given.Issue, "bob", "/vote 0", voting + TimeSpan.FromHours(2));
        github.GivenComment(Repo, Given.Issue, "carol", "/vote +1", voting + TimeSpan.FromHours(3));
        clock.Advance(TimeSpan.FromDays(22));
        return await reconciler.ReconcileAsync(Issue, CancellationToken.None);
    }

    private List<FakeComment> BotComments() => [.. github.Comments(Repo, Given.Issue).Where(c => c.IsBot)];

    [Fact]
    public async Task Five_hundred_refused_vote_lines_get_a_reply_under_the_limit_and_the_decision_is_posted()
    {
        var result = await DecidedRfcAsync(string.Join("\n", Enumerable.Repeat("/vote maybe, or perhaps not, who can tell what this long line might say", 500)));

        Assert.Equal("approved", result.Decision!.Outcome);
        Assert.Equal(["rfc", "governance/approved"], github.Labels(Repo, Given.Issue));
        Assert.Single(BotComments(), c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        var reply = Assert.Single(BotComments(), c => c.Body.Contains("@zoe", StringComparison.Ordinal));
        // GitHub stores no body over its limit, so the stored reply always fits: the claim is that the first one sent did.
        Assert.Single(github.CommentBodiesSent(), b => b.Contains("@zoe", StringComparison.Ordinal));
        Assert.Contains("and 495 more command lines", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(github.Exchanges(), e => e.Status == 422);
        wire.Prism.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    public async Task A_reply_GitHub_refuses_for_good_is_logged_and_skipped_and_the_decision_is_still_posted()
    {
        github.Interfere(HttpMethod.Post, "/comments", new FakeFault(422, """{"message":"Validation Failed","documentation_url":"https://docs.github.com/rest"}"""), times: 10, bodyContains: "@zoe");

        var result = await DecidedRfcAsync("/vote maybe");

        Assert.Equal("approved", result.Decision!.Outcome);
        Assert.Equal(["rfc", "governance/approved"], github.Labels(Repo, Given.Issue));
        Assert.Single(BotComments(), c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.DoesNotContain(BotComments(), c => c.Body.Contains("@zoe", StringComparison.Ordinal));
        var refused = Assert.Single(log.Entries, e => e.Id.Id == 1103);
        Assert.Contains("octo-org/rfcs#12", refused.Message, StringComparison.Ordinal);
        Assert.Contains("422", refused.Message, StringComparison.Ordinal);

        // Not retried in a loop: once per reconcile, and posted once GitHub takes it.
        Assert.Equal(1, github.Exchanges().Count(e => e.Status == 422));
        await reconciler.ReconcileAsync(Issue, CancellationToken.None);
        Assert.Equal(2, github.Exchanges().Count(e => e.Status == 422));
    }

    [Fact]
    public async Task The_decision_is_written_before_the_replies()
    {
        await DecidedRfcAsync("/vote maybe");

        var posts = github.Requests().Where(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal)).Select(r => r.Body!).ToList();
        var decision = posts.FindIndex(b => b.Contains("**Approved.**", StringComparison.Ordinal));
        var reply = posts.FindIndex(b => b.Contains("@zoe", StringComparison.Ordinal));
        Assert.InRange(decision, 0, reply - 1);
    }

    [Fact]
    public async Task Fifteen_long_non_ASCII_concerns_and_many_outsiders_give_a_status_GitHub_accepts()
    {
        var tsc = Enumerable.Range(1, 15).Select(i => $"member{i:00}").ToArray();
        github.GivenFile(Repo, ".github/governance.yml", $"tsc:\n  members: [{string.Join(", ", tsc)}]\n");
        github.AddLabel(Repo, Given.Issue, "rfc", "dana");
        var voting = Start + TimeSpan.FromDays(14) + TimeSpan.FromHours(1);
        for (var i = 0; i < 200; i++) github.GivenComment(Repo, Given.Issue, $"outsider{i:000}", i % 2 == 0 ? "/vote +1" : "/vote -1 Нет. " + new string('ж', 3_000), voting);
        foreach (var member in tsc)
        {
            github.GivenComment(Repo, Given.Issue, member, "/vote -1 " + string.Concat(Enumerable.Repeat("Это ломает совместимость <b> @x #1 --> ", 1_700))[..65_000], voting + TimeSpan.FromHours(1));
        }

        clock.Advance(TimeSpan.FromDays(22));
        var result = await reconciler.ReconcileAsync(Issue, CancellationToken.None);

        Assert.Equal("rejected", result.Decision!.Outcome);
        Assert.DoesNotContain(github.Exchanges(), e => e.Status == 422);
        Assert.Single(BotComments(), c => c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.All(github.CommentBodiesSent(), b => Assert.InRange(b.Length, 1, FakeGitHub.MaxCommentBody)); // every body sent, not only those stored
        Assert.Single(BotComments(), c => c.Body.Contains("**Rejected.**", StringComparison.Ordinal));
        Assert.Equal(["rfc", "governance/rejected"], github.Labels(Repo, Given.Issue));
    }

    /// <summary>Keeps what was logged, for asserting on event ids and messages.</summary>
    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(EventId Id, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries) Entries.Add((eventId, formatter(state, exception)));
        }
    }
}
