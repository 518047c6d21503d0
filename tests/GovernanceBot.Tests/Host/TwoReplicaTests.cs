using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>Two instances of the bot against the same GitHub at once: one transition comment, one decision, stable labels.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class TwoReplicaTests(GitHubBehindPrism wire)
{
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
}
