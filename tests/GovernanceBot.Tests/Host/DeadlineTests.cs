using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Host;

/// <summary>Deadlines that never slip: timers, restarts and the sweep, on a fake clock against GitHub on the wire.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DeadlineTests : IAsyncLifetime
{
    private const string Repo = Given.Repo;
    private const int Issue = Given.Issue;
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset VotingOpens = Start + TimeSpan.FromDays(14);
    private static readonly DateTimeOffset VotingCloses = VotingOpens + TimeSpan.FromDays(7);

    private readonly GitHubBehindPrism _wire;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeGitHub _github;
    private BotHost? _host;

    public DeadlineTests(GitHubBehindPrism wire)
    {
        _wire = wire;
        _github = wire.Fresh(_clock).RfcRepository("tsc:\n  members: [alice, bob, carol, dave, erin]\n");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xUnit 2 disposes test classes through IAsyncLifetime: a host left running would act on the next test's fake GitHub.
    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private async Task<BotHost> StartHostAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _host = new BotHost(_wire.Prism.Url, _clock, _wire.Prism.CreateCheckingHandler());
        await _host.SettleAsync();
        return _host;
    }

    private async Task StopHostAsync()
    {
        await _host!.DisposeAsync();
        _host = null;
    }

    /// <summary>Moves the fake clock to <paramref name="at"/> and lets the bot do what is due.</summary>
    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        _clock.Advance(at - _clock.GetUtcNow());
        if (_host is not null) await _host.SettleAsync();
    }

    private IReadOnlyList<FakeComment> BotComments(string marker) =>
        [.. _github.Comments(Repo, Issue).Where(c => c.IsBot && c.Body.Contains(marker, StringComparison.Ordinal))];

    private string Status => BotComments("<!-- governance-bot:status -->").Single().Body;

    private async Task LabelAsync()
    {
        _github.AddLabel(Repo, Issue, "rfc", "dana");
        await _host!.SendAsync("issues", Given.Labeled());
        await _host.SettleAsync(() => _github.Labels(Repo, Issue).Contains("governance/discussion"));
    }

    [Fact]
    public async Task Voting_opens_within_five_seconds_of_virtual_time_after_the_discussion_deadline()
    {
        await StartHostAsync();
        await LabelAsync();

        await AdvanceToAsync(VotingOpens - TimeSpan.FromSeconds(1));
        Assert.True(_github.Labels(Repo, Issue).Contains("governance/discussion"), string.Join("\n", _github.Events(Repo, Issue)) + "\n" + Status);

        await AdvanceToAsync(VotingOpens + TimeSpan.FromSeconds(5));
        await _host!.SettleAsync(() => _github.Labels(Repo, Issue).Contains("governance/voting"));
        var opened = Assert.Single(BotComments("**Voting is open**"));
        Assert.True(opened.CreatedAt >= VotingOpens && opened.CreatedAt <= VotingOpens + TimeSpan.FromSeconds(5),
            string.Join("\n", _github.Events(Repo, Issue)) + "\n" + string.Join("\n", _github.Comments(Repo, Issue).Select(c => $"{c.Id} {c.CreatedAt:O} {c.UpdatedAt:O} {c.Body[..60]}")));
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task The_decision_counts_a_vote_one_second_before_the_deadline_and_ignores_one_a_second_after()
    {
        await StartHostAsync();
        await LabelAsync();
        await AdvanceToAsync(VotingOpens + TimeSpan.FromHours(1));
        _github.GivenComment(Repo, Issue, "alice", "/vote +1", _clock.GetUtcNow());
        _github.GivenComment(Repo, Issue, "bob", "/vote +1", VotingCloses - TimeSpan.FromSeconds(1));

        // The bot is down over the deadline; carol's vote comes a second too late.
        await StopHostAsync();
        _github.GivenComment(Repo, Issue, "carol", "/vote +1", VotingCloses + TimeSpan.FromSeconds(1));
        await AdvanceToAsync(VotingCloses + TimeSpan.FromHours(2));
        await StartHostAsync();
        await _host!.SettleAsync(() => _github.Labels(Repo, Issue).Contains("governance/no-quorum"));

        Assert.Contains("2 of 5 TSC members voted, quorum is 3 ❌", Status);
        Assert.Contains("| bob | +1 |", Status);
        Assert.Contains("| carol | not voted |", Status);
        Assert.Single(BotComments("**Closed without quorum.**"));
        Assert.Single(BotComments("the vote closed on 2026-05-25 09:00 UTC and its result is final"));
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task After_a_restart_past_a_deadline_the_transition_happens_once()
    {
        await StartHostAsync();
        await LabelAsync();
        await StopHostAsync();

        await AdvanceToAsync(VotingOpens + TimeSpan.FromDays(1));
        await StartHostAsync();
        await _host!.SettleAsync(() => _github.Labels(Repo, Issue).Contains("governance/voting"));
        await StartHostAsync(); // and once more, with nothing new
        await AdvanceToAsync(_clock.GetUtcNow() + TimeSpan.FromMinutes(5)); // a periodic sweep

        Assert.Single(BotComments("**Voting is open**"));
        Assert.Single(BotComments("<!-- governance-bot:status -->"));
        Assert.Equal(["rfc", "governance/voting"], _github.Labels(Repo, Issue));
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task A_vote_whose_webhook_was_lost_is_counted_by_the_next_sweep()
    {
        await StartHostAsync();
        await LabelAsync();
        await AdvanceToAsync(VotingOpens + TimeSpan.FromMinutes(1));

        _github.GivenComment(Repo, Issue, "alice", "/vote +1", _clock.GetUtcNow()); // no webhook arrives
        await _host!.SettleAsync();
        Assert.Contains("| alice | not voted |", Status);

        await AdvanceToAsync(_clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await _host.SettleAsync(() => Status.Contains("| alice | +1 |", StringComparison.Ordinal));
        Assert.Contains("1 of 5 TSC members voted", Status);
        _wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task When_the_rate_limit_runs_low_the_sweep_backs_off_and_webhooks_keep_working()
    {
        await StartHostAsync();
        await LabelAsync();
        await AdvanceToAsync(VotingOpens + TimeSpan.FromMinutes(1));

        _github.RateLimitRemaining = 120; // of 5000: below a tenth
        _github.GivenComment(Repo, Issue, "alice", "/vote +1", _clock.GetUtcNow()); // its webhook is lost
        await AdvanceToAsync(_clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await AdvanceToAsync(_clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        Assert.Contains("| alice | not voted |", Status);

        var id = _github.GivenComment(Repo, Issue, "bob", "/vote +1", _clock.GetUtcNow());
        await _host!.SendAsync("issue_comment", Given.CommentCreated(id, "bob", "/vote +1"));
        await _host.SettleAsync(() => Status.Contains("| bob | +1 |", StringComparison.Ordinal));
        _wire.Prism.AssertNoViolations();
    }
}
