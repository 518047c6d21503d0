using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>Who edited each comment, read by the real adapter from the fake's GraphQL endpoint.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class CommentEditsTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private const string Bot = "governance-bot[bot]";
    private static readonly RepoRef RepoRef = new(7, "octo-org", "rfcs");
    private static readonly IssueRef Issue = new(RepoRef, 12);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism wire;
    private readonly FakeGitHub github;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AdapterUnderTest adapter;

    public CommentEditsTests(GitHubBehindPrism wire)
    {
        this.wire = wire;
        github = wire.Fresh(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        github.GivenIssue(Repo, 12, "RFC", "dana");
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
    }

    private IGitHub GitHub => adapter.GitHub;

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => adapter.Dispose();

    private async Task<IReadOnlyList<CommentFact>> ReadAsync() =>
        await GitHub.WithEditsAsync(Issue, await GitHub.GetCommentsAsync(Issue, Ct), Bot, Ct);

    [Fact]
    public async Task One_query_reads_the_editor_and_history_of_every_edited_comment_and_an_unchanged_one_is_not_asked_again()
    {
        var alice = github.GivenComment(Repo, 12, "alice", "/vote +1", Start);
        var bob = github.GivenComment(Repo, 12, "bob", "/vote 0", Start.AddMinutes(1));
        var status = github.GivenComment(Repo, 12, Bot, "<!-- governance-bot:status -->\nfirst", Start.AddMinutes(2));
        github.GivenComment(Repo, 12, "carol", "never edited", Start.AddMinutes(3));
        clock.Advance(TimeSpan.FromMinutes(10));
        github.EditComment(alice, "/vote -1 forged", by: "admin");
        github.EditComment(bob, "/vote +1");
        github.EditComment(status, "<!-- governance-bot:status -->\nsecond");

        var comments = await ReadAsync();

        var a = comments.Single(c => c.Id == alice).Edits!;
        Assert.Equal(("admin", true), (a.Editor, a.Complete));
        Assert.Equal([("alice", "/vote +1"), ("admin", "/vote -1 forged")], a.Revisions.Select(r => (r.Editor!, r.Text!)));
        Assert.Equal("bob", comments.Single(c => c.Id == bob).Edits!.Editor);
        Assert.Equal(Bot, comments.Single(c => c.Id == status).Edits!.Editor); // GraphQL's "governance-bot" (a Bot) is REST's "governance-bot[bot]"
        Assert.Null(comments.Single(c => c.Author == "carol").Edits);
        Assert.Equal(1, github.GraphQlRequests);

        await ReadAsync();
        Assert.Equal(1, github.GraphQlRequests);

        clock.Advance(TimeSpan.FromMinutes(1));
        github.EditComment(alice, "/vote +1 mine again");
        Assert.Equal("alice", (await ReadAsync()).Single(c => c.Id == alice).Edits!.Editor);
        Assert.Equal(2, github.GraphQlRequests);
        Assert.Empty(github.GraphQlViolations);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task The_bots_own_edit_needs_no_query()
    {
        var id = await GitHub.PostCommentAsync(Issue, "<!-- governance-bot:status -->\nfirst", Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await GitHub.EditCommentAsync(RepoRef, id, "<!-- governance-bot:status -->\nsecond", Ct);

        var status = Assert.Single(await ReadAsync());

        Assert.Equal(Bot, status.Edits!.Editor);
        Assert.Equal(0, github.GraphQlRequests);
    }

    [Fact]
    public async Task An_admins_edit_of_the_bots_status_comment_is_seen()
    {
        var id = await GitHub.PostCommentAsync(Issue, "<!-- governance-bot:status -->\nfirst", Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await GitHub.EditCommentAsync(RepoRef, id, "<!-- governance-bot:status -->\nsecond", Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        github.EditComment(id, "<!-- governance-bot:status -->\nforged", by: "admin");

        var status = Assert.Single(await ReadAsync());

        Assert.Equal("admin", status.Edits!.Editor);
        Assert.Equal(1, github.GraphQlRequests);
        Assert.DoesNotContain("userContentEdits", github.Requests().Single(r => r.Path == "/graphql").Body!.Split("own: nodes")[1], StringComparison.Ordinal);
        Assert.Empty(github.GraphQlViolations);
    }
}
