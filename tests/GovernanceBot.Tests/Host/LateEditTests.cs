using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Host;

/// <summary>The bot was down at the close and a vote was edited after it: the edit history (GraphQL) gives the vote as it stood.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class LateEditTests(GitHubBehindPrism wire)
{
    private const string Repo = Given.Repo;
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_vote_edited_after_the_close_while_the_bot_was_down_counts_as_it_stood_at_the_close()
    {
        var clock = new FakeTimeProvider(Start);
        var github = wire.Fresh(clock).RfcRepository();
        github.AddLabel(Repo, Given.Issue, "rfc", "dana");
        clock.Advance(TimeSpan.FromDays(15));
        github.GivenComment(Repo, Given.Issue, "alice", "/vote +1", clock.GetUtcNow());
        var bob = github.GivenComment(Repo, Given.Issue, "bob", "/vote +1", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(7)); // the vote closed at day 21, carol never voted
        github.EditComment(bob, "/vote -1 Changed my mind after the close.");
        clock.Advance(TimeSpan.FromDays(1));

        await using var host = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
        await Ticking.SettleAsync(host, clock, () => github.Labels(Repo, Given.Issue).Contains("governance/approved"));

        var status = Assert.Single(github.Comments(Repo, Given.Issue), c => c.Author == github.BotLogin && c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.Contains("2 × +1, 0 × 0, 0 × -1", status.Body);
        Assert.DoesNotContain("Not counted", status.Body);
        Assert.Empty(github.GraphQlViolations);
        wire.Prism.AssertNoViolations();
    }
}

/// <summary>
/// Waits for the host with the fake clock ticking meanwhile (50 ms of fake time every 25 ms): an attempt that times out
/// on a busy machine is retried after a delay on that clock, which would otherwise never end.
/// </summary>
internal static class Ticking
{
    public static async Task SettleAsync(BotHost host, FakeTimeProvider clock, Func<bool>? condition = null)
    {
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                await Task.Delay(25, CancellationToken.None);
            }
        });
        try
        {
            await host.SettleAsync(condition);
        }
        finally
        {
            await stop.CancelAsync();
            await ticking;
        }
    }
}
