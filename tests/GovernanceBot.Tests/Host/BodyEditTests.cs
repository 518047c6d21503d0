using System.Net;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The issue's own text is the proposal: an edit of its body after voting opened is flagged in the status comment (or,
/// with <c>proposal_changes: restart</c>, starts a new round). GitHub says when the body was last edited only through
/// GraphQL (<c>lastEditedAt</c>), asked only when the body read over REST changed; a title edit is not a change of the
/// proposal.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class BodyEditTests(GitHubBehindPrism wire)
{
    private const string Restart = "tsc:\n  members: [alice, bob, carol]\nprocesses:\n  rfc:\n    proposal_changes: restart\n";

    private static readonly TimeSpan Discussion = TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1);

    private const string Flag = "The description was edited after voting opened";

    private static async Task EditBodyAsync(GovernanceApp app, string body)
    {
        app.GitHub.EditIssueBody(GovernanceApp.Repo, GovernanceApp.Issue, body, app.Now);
        var response = await app.DeliverAsync("issues", Payloads.For("issues", "edited.payload.json", Given.Installation, GovernanceApp.Repo, GovernanceApp.Issue));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task VotingAsync(GovernanceApp app)
    {
        await app.LabelAsync();
        await app.SettleAsync(() => app.Has("governance/discussion"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.Has("governance/voting"));
    }

    [Fact]
    public async Task A_body_edited_after_voting_opened_is_flagged_in_the_status_comment()
    {
        await using var app = await GovernanceApp.StartAsync(wire);
        await VotingAsync(app);
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.StatusComment.Body.Contains("| alice | +1 |", StringComparison.Ordinal));
        var graphQl = app.GitHub.GraphQlRequests;

        // A new vote does not change the body: its last edit is not asked again.
        await app.VoteAsync("bob", "+1");
        await app.SettleAsync(() => app.StatusComment.Body.Contains("| bob | +1 |", StringComparison.Ordinal));
        Assert.Equal(graphQl, app.GitHub.GraphQlRequests);
        Assert.DoesNotContain(Flag, app.StatusComment.Body, StringComparison.Ordinal);

        app.Advance(TimeSpan.FromHours(3));
        await EditBodyAsync(app, "Adopt a release train, every six weeks instead of four.");
        await app.SettleAsync(() => app.StatusComment.Body.Contains(Flag, StringComparison.Ordinal));

        Assert.True(app.Has("governance/voting"));
        Assert.Empty(app.GitHub.GraphQlViolations);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task With_proposal_changes_restart_a_body_edited_after_voting_opened_starts_a_new_round()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Config = Restart });
        await VotingAsync(app);
        await app.VoteAsync("alice", "+1");

        app.Advance(TimeSpan.FromHours(3));
        await EditBodyAsync(app, "Adopt a release train, every six weeks instead of four.");
        await app.SettleAsync(() => app.BotCommentsWith("the description was edited after voting opened").Count > 0);

        Assert.True(app.Has("governance/discussion"));
        Assert.Empty(app.GitHub.GraphQlViolations);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_body_edited_only_before_voting_opened_is_not_flagged()
    {
        await using var app = await GovernanceApp.StartAsync(wire);
        await app.LabelAsync();
        await app.SettleAsync(() => app.Has("governance/discussion"));
        app.Advance(TimeSpan.FromDays(2));
        await EditBodyAsync(app, "Adopt a release train (details below).");
        await app.SettleAsync();

        app.Advance(TimeSpan.FromDays(12) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.StatusComment.Body.Contains("| alice | +1 |", StringComparison.Ordinal));

        Assert.DoesNotContain(Flag, app.StatusComment.Body, StringComparison.Ordinal);
        Assert.Empty(app.GitHub.GraphQlViolations);
        app.AssertNoViolations();
    }
}
