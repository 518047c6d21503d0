using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>The bot was down at the close and a vote was edited after it: the edit history (GraphQL) gives the vote as it stood.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class LateEditTests(GitHubBehindPrism wire)
{
    [Fact]
    public async Task A_vote_edited_after_the_close_while_the_bot_was_down_counts_as_it_stood_at_the_close()
    {
        // A fake clock that ticks while the test waits: a retry after a spurious timeout waits on it.
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions { TickWhileSettling = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(25)) });
        app.GitHub.AddLabel(GovernanceApp.Repo, GovernanceApp.Issue, "rfc", "dana"); // while the bot was down: no delivery
        app.Advance(TimeSpan.FromDays(15));
        app.CommentWithoutWebhook("alice", "/vote +1");
        var bob = app.CommentWithoutWebhook("bob", "/vote +1");
        app.Advance(TimeSpan.FromDays(7)); // the vote closed at day 21, carol never voted
        app.GitHub.EditComment(bob, "/vote -1 Changed my mind after the close.");
        app.Advance(TimeSpan.FromDays(1));

        await app.StartAsync();
        await app.SettleAsync(() => app.Has("governance/approved"));

        var status = app.StatusComment;
        Assert.Contains("2 × +1, 0 × 0, 0 × -1", status.Body);
        Assert.DoesNotContain("Not counted", status.Body);
        Assert.Empty(app.GitHub.GraphQlViolations);
        app.AssertNoViolations();
    }
}
