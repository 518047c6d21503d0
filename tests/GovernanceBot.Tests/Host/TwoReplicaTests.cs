using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>Two instances of the bot against the same GitHub at once: one transition comment, one decision, stable labels.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class TwoReplicaTests(GitHubBehindPrism wire)
{
    private const string Repo = Given.Repo;

    [Fact]
    public async Task Two_replicas_post_each_transition_once_and_agree_on_the_labels()
    {
        var clock = new OffsetClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var github = wire.Fresh(clock).RfcRepository(Given.ThreeMemberTsc + "processes:\n  rfc: { discussion: 12s, voting: 1m }\n");
        var settle = TimeSpan.FromSeconds(1);
        await using var a = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler(), replicaId: "replica-a", claimSettle: settle);
        await using var b = new BotHost(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler(), replicaId: "replica-b", claimSettle: settle);
        await Task.WhenAll(a.SettleAsync(), b.SettleAsync());

        async Task DeliverToBoth(string @event, System.Text.Json.Nodes.JsonObject payload)
        {
            var delivery = Guid.NewGuid().ToString();
            await Task.WhenAll(a.SendAsync(@event, payload, delivery), b.SendAsync(@event, payload.DeepClone().AsObject(), delivery));
        }

        github.AddLabel(Repo, 12, "rfc", "dana");
        await DeliverToBoth("issues", Given.Labeled());

        // The discussion (12 s: long enough for the first reconcile on a loaded machine) opens on both replicas; then
        // both replicas' timers fire at the same discussion deadline.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!github.Labels(Repo, 12).Contains("governance/voting") && DateTime.UtcNow < until) await Task.Delay(50);
        await Task.WhenAll(a.SettleAsync(), b.SettleAsync());

        foreach (var voter in new[] { "alice", "bob", "carol" })
        {
            var id = github.GivenComment(Repo, 12, voter, "/vote +1", clock.GetUtcNow());
            await DeliverToBoth("issue_comment", Given.CommentCreated(id, voter, "/vote +1"));
        }

        await Task.WhenAll(
            a.SettleAsync(() => github.Labels(Repo, 12).Contains("governance/approved"), seconds: 30),
            b.SettleAsync(() => github.Labels(Repo, 12).Contains("governance/approved"), seconds: 30));

        var posted = github.PostedComments();
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:voting-opened:", StringComparison.Ordinal));
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:decision:", StringComparison.Ordinal));
        Assert.Single(github.Comments(Repo, 12), c => c.IsBot && c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.Equal(["rfc", "governance/approved"], github.Labels(Repo, 12));

        // Stable: each phase label was added once and removed at most once; nothing flipped back and forth.
        var phaseEvents = github.Events(Repo, 12).Where(e => e.Label?.StartsWith("governance/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(
            ["labeled governance/discussion", "unlabeled governance/discussion", "labeled governance/voting", "unlabeled governance/voting", "labeled governance/approved"],
            phaseEvents.Select(e => $"{e.Kind} {e.Label}"));
        wire.Prism.AssertNoViolations(responsesToo: false);
    }
}
