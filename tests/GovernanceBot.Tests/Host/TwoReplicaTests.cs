using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Two instances of the bot against the same GitHub at once: one transition comment, one decision, stable labels; and a
/// rolling update, where the old replica is lost while it holds the claim on a transition and a new one takes over.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class TwoReplicaTests(GitHubBehindPrism wire)
{
    private const string OldClaim = "<!-- governance-bot:claim replica-old -->";

    [Fact]
    public async Task Two_replicas_post_each_transition_once_and_agree_on_the_labels()
    {
        // The discussion (12 s: long enough for the first reconcile on a loaded machine) opens on both replicas; then
        // both replicas' timers fire at the same discussion deadline.
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Config = Given.ThreeMemberTsc + "processes:\n  rfc: { discussion: 12s, voting: 1m }\n",
            ClaimSettle = TimeSpan.FromSeconds(1),
        });
        await Task.WhenAll(app.StartReplicaAsync("replica-a"), app.StartReplicaAsync("replica-b"));

        await app.LabelAsync("rfc", by: "dana"); // every delivery goes to both replicas
        await app.SettleAsync(() => app.Has("governance/voting"));

        foreach (var voter in new[] { "alice", "bob", "carol" }) await app.VoteAsync(voter, "+1");
        await app.SettleAsync(() => app.Has("governance/approved"), seconds: 30);

        var posted = app.GitHub.PostedComments();
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:voting-opened:", StringComparison.Ordinal));
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:decision:", StringComparison.Ordinal));
        Assert.Single(app.Comments, c => c.IsBot && c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.Equal(["rfc", "governance/approved"], app.Labels);

        // Stable: each phase label was added once and removed at most once; nothing flipped back and forth.
        var phaseEvents = app.GitHub.Events(GovernanceApp.Repo, GovernanceApp.Issue).Where(e => e.Label?.StartsWith("governance/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(
            ["labeled governance/discussion", "unlabeled governance/discussion", "labeled governance/voting", "unlabeled governance/voting", "labeled governance/approved"],
            phaseEvents.Select(e => $"{e.Kind} {e.Label}"));
        app.AssertNoViolations(responsesToo: false);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_replica_stopped_mid_claim_is_replaced_and_the_vote_opens_and_is_decided_once()
    {
        var networks = new List<SeverableNetwork>();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            Time = Time.Offset,
            Network = inner =>
            {
                var network = new SeverableNetwork(inner);
                networks.Add(network);
                return network;
            },
            Config = Given.ThreeMemberTsc + "processes:\n  rfc: { discussion: 1h, voting: 1h }\n",
            ClaimSettle = TimeSpan.FromSeconds(1),
        });
        var old = await app.StartReplicaAsync("replica-old");
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));

        // The old replica's claim is stored, but GitHub's answer is held (real time, below the attempt timeout): the
        // replica is stuck between writing its claim and posting the comment that opens the vote; its node is lost there
        // (nothing it sends reaches GitHub any more, not even that answer) and it is stopped.
        app.GitHub.Interfere(HttpMethod.Patch, $"/issues/comments/{app.StatusComment.Id}", new FakeFault(Delay: TimeSpan.FromSeconds(20)), bodyContains: "claim replica-old");
        app.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        _ = app.CommentAsync("erin", "Looks ready to me."); // a delivery: the old replica reconciles past the deadline
        await WaitUntilAsync(() => app.Status.Contains(OldClaim, StringComparison.Ordinal), () => string.Join(", ", app.Labels) + "\n" + app.Status);
        networks[0].Sever();
        await app.StopReplicaAsync(old);

        Assert.Empty(app.BotCommentsWith("<!-- governance-bot:voting-opened:"));
        Assert.Equal(["rfc", "governance/discussion"], app.Labels);

        // The new replica starts on the same GitHub and clock, with the old claim still in the status comment.
        await app.StartReplicaAsync("replica-new");
        app.Advance(TimeSpan.FromMinutes(2)); // past any recheck after yielding to the old replica's claim
        await app.CommentAsync("erin", "Still ready.");
        await app.SettleAsync(() => app.Has("governance/voting") && app.BotCommentsWith("<!-- governance-bot:voting-opened:").Count == 1);

        foreach (var voter in new[] { "alice", "bob", "carol" }) await app.VoteAsync(voter, "+1");
        await app.SettleAsync(() => app.Has("governance/approved"), seconds: 30);
        app.Advance(TimeSpan.FromMinutes(2));
        await app.SettleAsync();

        var posted = app.GitHub.PostedComments();
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:voting-opened:", StringComparison.Ordinal));
        Assert.Single(posted, c => c.Body.Contains("<!-- governance-bot:decision:", StringComparison.Ordinal));
        Assert.Single(app.Comments, c => c.IsBot && c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(OldClaim, app.Status, StringComparison.Ordinal);
        Assert.Equal(["rfc", "governance/approved"], app.Labels);

        var phaseEvents = app.GitHub.Events(GovernanceApp.Repo, GovernanceApp.Issue).Where(e => e.Label?.StartsWith("governance/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(
            ["labeled governance/discussion", "unlabeled governance/discussion", "labeled governance/voting", "unlabeled governance/voting", "labeled governance/approved"],
            phaseEvents.Select(e => $"{e.Kind} {e.Label}"));
        app.AssertNoViolations(responsesToo: false);
    }

    /// <summary>The network of one replica, which can be cut as when its node is lost: every request, even one under way, fails.</summary>
    private sealed class SeverableNetwork(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private volatile bool _severed;

        public void Sever() => _severed = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_severed) throw new HttpRequestException("the node is lost");
            var response = await base.SendAsync(request, cancellationToken);
            if (_severed) throw new HttpRequestException("the node is lost");
            return response;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> state, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not hold in time: " + state());
            await Task.Delay(20);
        }
    }
}
