using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>The real host against GitHub faked on the wire: signed real payloads in, REST calls out, checked by Prism.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class FullRfcTests(GitHubBehindPrism wire)
{
    [Fact]
    public async Task A_whole_rfc_runs_from_the_labeled_webhook_to_an_approved_decision()
    {
        await using var app = await GovernanceApp.StartAsync(wire);

        // dana applies the label; GitHub records the event and sends the `issues.labeled` delivery.
        var response = await app.LabelAsync("rfc", by: "dana");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await app.SettleAsync(() => app.Has("governance/discussion"));

        // Found among all comments, not only the bot's: the one status comment is the bot's own.
        var status = Assert.Single(app.Comments, c => c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.Equal("governance-bot[bot]", status.Author);
        Assert.Contains("discussion until 2026-05-18 09:00 UTC", status.Body);

        // Two weeks later the deadline timer opens the vote, without any webhook.
        app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.Has("governance/voting"));
        Assert.Contains(app.Comments, c => c.Body.Contains("@alice @bob @carol", StringComparison.Ordinal));

        app.Advance(TimeSpan.FromHours(1));
        await app.VoteAsync("alice", "+1");
        await app.VoteAsync("bob", "-1 Security releases need their own lane.\nHappy to discuss.");
        await app.VoteAsync("carol", "+1");
        await app.SettleAsync(() => app.Has("governance/approved"));

        Assert.Equal(["rfc", "governance/approved"], app.Labels);
        var comments = app.BotComments;
        Assert.Single(comments, c => c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.Single(comments, c => c.Body.Contains("**Voting is open**", StringComparison.Ordinal));
        var decision = Assert.Single(comments, c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Contains("@dana", decision.Body);
        Assert.Contains("2 of 3 votes are +1, at least 2 needed ✅", decision.Body);
        Assert.Contains(app.GitHub.RepoLabels(GovernanceApp.Repo), l => l.Name == "governance/approved" && l.Color == "0e8a16");
        app.AssertNoViolations();
    }
}
