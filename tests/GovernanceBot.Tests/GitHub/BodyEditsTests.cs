using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>When the issue's body was last edited, read by the real adapter from the fake's GraphQL endpoint: asked only when the body changed, and inside the comments' query when there is one.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class BodyEditsTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private const string Bot = "governance-bot[bot]";
    private static readonly IssueRef Issue = new(new RepoRef(7, "octo-org", "rfcs"), 12);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeGitHub github;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AdapterUnderTest adapter;

    public BodyEditsTests(GitHubBehindPrism wire)
    {
        github = wire.Fresh(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        github.GivenIssue(Repo, 12, "RFC", "dana");
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
    }

    private IGitHub GitHub => adapter.GitHub;

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => adapter.Dispose();

    /// <summary>What a reconcile reads: the issue, the comments with their edits, then the body's last edit.</summary>
    private async Task<DateTimeOffset?> ReconcileReadAsync()
    {
        await GitHub.GetIssueAsync(Issue, Ct);
        await GitHub.WithEditsAsync(Issue, await GitHub.GetCommentsAsync(Issue, Ct), Bot, Ct);
        return await GitHub.GetBodyEditedAtAsync(Issue, Ct);
    }

    [Fact]
    public async Task The_body_is_asked_once_and_again_only_after_it_changed()
    {
        Assert.Null(await ReconcileReadAsync());
        Assert.Equal(1, github.GraphQlRequests);

        github.GivenComment(Repo, 12, "alice", "/vote +1", Start.AddMinutes(1));
        Assert.Null(await ReconcileReadAsync());
        Assert.Equal(1, github.GraphQlRequests);

        var edited = Start.AddHours(2);
        github.EditIssueBody(Repo, 12, "A longer proposal.", edited);
        Assert.Equal(edited, await ReconcileReadAsync());
        Assert.Equal(2, github.GraphQlRequests);
        Assert.Empty(github.GraphQlViolations);
    }

    [Fact]
    public async Task A_changed_body_rides_along_in_the_query_for_an_edited_comment()
    {
        await ReconcileReadAsync();
        var alice = github.GivenComment(Repo, 12, "alice", "/vote +1", Start.AddMinutes(1));
        await ReconcileReadAsync();
        var before = github.GraphQlRequests;

        clock.Advance(TimeSpan.FromHours(1));
        github.EditComment(alice, "/vote 0");
        github.EditIssueBody(Repo, 12, "A longer proposal.", clock.GetUtcNow());

        Assert.Equal(clock.GetUtcNow(), await ReconcileReadAsync());
        Assert.Equal(before + 1, github.GraphQlRequests);
        Assert.Empty(github.GraphQlViolations);
    }
}
