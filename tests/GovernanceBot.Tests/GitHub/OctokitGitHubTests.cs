using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

/// <summary>Every <see cref="IGitHub"/> call, through Prism: the results are right and every request is one GitHub's REST description accepts.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class OctokitGitHubTests : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private static readonly RepoRef RepoRef = new(7, "octo-org", "rfcs");
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly GitHubBehindPrism wire;
    private readonly FakeGitHub github;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AdapterUnderTest adapter;

    public OctokitGitHubTests(GitHubBehindPrism wire)
    {
        this.wire = wire;
        github = wire.Fresh(clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        adapter = new AdapterUnderTest(wire.Prism.Url, clock, wire.Prism.CreateCheckingHandler());
    }

    private IGitHub GitHub => adapter.GitHub;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task The_bot_login_is_the_app_slug_with_the_bot_suffix()
    {
        Assert.Equal("governance-bot[bot]", await GitHub.GetBotLoginAsync(Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task A_file_is_read_and_decoded_and_a_missing_one_is_null()
    {
        const string config = "tsc:\n  members: [alice, bob, carol]\n# ünïcödé survives base64\n";
        github.GivenFile(Repo, ".github/governance.yml", config);

        Assert.Equal(config, await GitHub.GetFileAsync(RepoRef, ".github/governance.yml", Ct));
        Assert.Null(await GitHub.GetFileAsync(RepoRef, ".github/missing.yml", Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Team_members_are_read_across_pages_and_an_unknown_team_is_null()
    {
        var members = Enumerable.Range(1, 130).Select(i => $"member{i}").ToArray();
        github.GivenTeam("octo-org", "tsc", members);

        Assert.Equal(members, await GitHub.GetTeamMembersAsync(RepoRef, "octo-org", "tsc", Ct));
        Assert.Null(await GitHub.GetTeamMembersAsync(RepoRef, "octo-org", "nobody", Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task An_issue_or_a_pull_request_is_read_and_a_missing_one_is_null()
    {
        github.GivenIssue(Repo, 12, "RFC: adopt a release train", "dana", "rfc", "governance/discussion");
        github.GivenPullRequest(Repo, 13, "Fix typo", "erin");

        var issue = await GitHub.GetIssueAsync(new IssueRef(RepoRef, 12), Ct);
        var pullRequest = await GitHub.GetIssueAsync(new IssueRef(RepoRef, 13), Ct);

        Assert.NotNull(issue);
        Assert.Equal((12, "RFC: adopt a release train", "dana", true, false), (issue.Number, issue.Title, issue.Author, issue.IsOpen, issue.IsPullRequest));
        Assert.Equal(["rfc", "governance/discussion"], issue.Labels);
        Assert.Equal((13, "Fix typo", "erin", true), (pullRequest!.Number, pullRequest.Title, pullRequest.Author, pullRequest.IsPullRequest));
        Assert.Null(await GitHub.GetIssueAsync(new IssueRef(RepoRef, 404), Ct));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task A_closed_issue_is_reported_closed_with_its_close_and_reopen_events()
    {
        github.GivenIssue(Repo, 12, "RFC", "dana");
        github.AddLabel(Repo, 12, "rfc", "dana");
        clock.Advance(TimeSpan.FromHours(1));
        github.CloseIssue(Repo, 12, "dana");
        clock.Advance(TimeSpan.FromHours(1));
        github.ReopenIssue(Repo, 12, "alice");
        clock.Advance(TimeSpan.FromHours(1));
        github.CloseIssue(Repo, 12, "alice");

        var issue = await GitHub.GetIssueAsync(new IssueRef(RepoRef, 12), Ct);
        var events = await GitHub.GetIssueEventsAsync(new IssueRef(RepoRef, 12), Ct);

        Assert.False(issue!.IsOpen);
        Assert.Equal(
            [(IssueEventKind.Labeled, "rfc", "dana"), (IssueEventKind.Closed, null, "dana"), (IssueEventKind.Reopened, null, "alice"), (IssueEventKind.Closed, null, "alice")],
            events.Select(e => (e.Kind, e.Label, e.Actor)));
        Assert.Equal(Start + TimeSpan.FromHours(3), events[^1].At);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Label_events_are_read_oldest_first()
    {
        github.GivenIssue(Repo, 12, "RFC", "dana", "governance/voting");
        github.GivenLabelEvent(Repo, 12, "rfc", "dana", Start);
        github.GivenLabelEvent(Repo, 12, "governance/discussion", "governance-bot[bot]", Start.AddMinutes(1));
        github.GivenLabelEvent(Repo, 12, "governance/discussion", "governance-bot[bot]", Start.AddDays(14), labeled: false);
        github.GivenLabelEvent(Repo, 12, "governance/voting", "governance-bot[bot]", Start.AddDays(14));

        var events = await GitHub.GetIssueEventsAsync(new IssueRef(RepoRef, 12), Ct);

        Assert.Equal(
            [
                new IssueEvent(events[0].Id, IssueEventKind.Labeled, "rfc", "dana", Start),
                new IssueEvent(events[1].Id, IssueEventKind.Labeled, "governance/discussion", "governance-bot[bot]", Start.AddMinutes(1)),
                new IssueEvent(events[2].Id, IssueEventKind.Unlabeled, "governance/discussion", "governance-bot[bot]", Start.AddDays(14)),
                new IssueEvent(events[3].Id, IssueEventKind.Labeled, "governance/voting", "governance-bot[bot]", Start.AddDays(14)),
            ],
            events);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task All_150_comments_are_read_across_pages_oldest_first_with_bots_marked()
    {
        github.GivenIssue(Repo, 12, "RFC", "dana");
        for (var i = 1; i <= 150; i++)
        {
            github.GivenComment(Repo, 12, i % 10 == 0 ? "governance-bot[bot]" : $"user{i}", $"comment {i}", Start.AddMinutes(i));
        }

        var comments = await GitHub.GetCommentsAsync(new IssueRef(RepoRef, 12), Ct);

        Assert.Equal(150, comments.Count);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"comment {i}"), comments.Select(c => c.Body));
        Assert.Equal(15, comments.Count(c => c.AuthorIsBot));
        Assert.All(comments, c => Assert.Equal(c.Author.EndsWith("[bot]", StringComparison.Ordinal), c.AuthorIsBot));
        Assert.Equal(Start.AddMinutes(1), comments[0].CreatedAt);
        Assert.False(comments[0].WasEdited);
        Assert.Equal($"https://github.com/{Repo}/issues/12#issuecomment-{comments[0].Id}", comments[0].Url);
        Assert.Equal(2, github.Requests().Count(r => r.Path.EndsWith("/issues/12/comments", StringComparison.Ordinal)));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task A_posted_comment_is_stored_by_the_bot_and_can_be_edited()
    {
        github.GivenIssue(Repo, 12, "RFC", "dana");
        const string body = "<!-- governance-bot:status -->\n**Discussion** until 15 March";

        var id = await GitHub.PostCommentAsync(new IssueRef(RepoRef, 12), body, Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await GitHub.EditCommentAsync(RepoRef, id, body + " (edited)", Ct);

        var stored = Assert.Single(github.Comments(Repo, 12));
        Assert.Equal((id, "governance-bot[bot]", true, body + " (edited)"), (stored.Id, stored.Author, stored.IsBot, stored.Body));
        Assert.Equal(Start.AddMinutes(5), stored.UpdatedAt);
        var read = Assert.Single(await GitHub.GetCommentsAsync(new IssueRef(RepoRef, 12), Ct));
        Assert.True(read.WasEdited);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Labels_with_a_slash_are_added_and_removed_and_the_issue_remembers_both_events()
    {
        github.GivenIssue(Repo, 12, "RFC", "dana", "rfc");
        var issue = new IssueRef(RepoRef, 12);

        await GitHub.AddLabelAsync(issue, "governance/voting", Ct);
        Assert.Equal(["rfc", "governance/voting"], github.Labels(Repo, 12));

        await GitHub.RemoveLabelAsync(issue, "governance/voting", Ct);
        await GitHub.RemoveLabelAsync(issue, "governance/voting", Ct); // already gone: fine
        await GitHub.RemoveLabelAsync(issue, "governance/discussion", Ct);

        Assert.Equal(["rfc"], github.Labels(Repo, 12));
        Assert.Equal([("labeled", "governance/voting"), ("unlabeled", "governance/voting")], github.Events(Repo, 12).Select(e => (e.Kind, e.Label)));
        Assert.Contains(github.Requests(), r => r.Method == "POST" && r.Body == """{"labels":["governance/voting"]}""");
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Ensuring_a_label_creates_it_once()
    {
        var spec = new LabelSpec("governance/voting", "#1d76db", "The TSC is voting on this RFC");

        await GitHub.EnsureLabelAsync(RepoRef, spec, Ct);
        await GitHub.EnsureLabelAsync(RepoRef, spec, Ct);

        var label = Assert.Single(github.RepoLabels(Repo));
        Assert.Equal(("governance/voting", "1d76db", "The TSC is voting on this RFC"), (label.Name, label.Color, label.Description));
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task Open_issues_and_pull_requests_with_a_label_are_listed_across_pages_without_closed_ones()
    {
        for (var n = 1; n <= 120; n++)
        {
            github.GivenIssue(Repo, n, $"RFC {n}", "dana", n % 2 == 0 ? "governance/voting" : "governance/discussion");
        }

        github.GivenPullRequest(Repo, 200, "PR", "erin", "governance/voting");
        github.CloseIssue(Repo, 2, "dana");

        var numbers = await GitHub.ListOpenIssuesWithLabelAsync(RepoRef, "governance/voting", Ct);

        Assert.Equal(Enumerable.Range(2, 119).Where(n => n % 2 == 0 && n != 2).Append(200), numbers);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task One_search_across_pages_finds_the_open_issues_and_pull_requests_carrying_any_process_label_in_every_repository_of_the_account()
    {
        github.GivenInstallation(7, Repo, "octo-org/tools", "octo-org/quiet");
        for (var n = 1; n <= 110; n++) github.GivenIssue(Repo, n, $"RFC {n}", "dana", n % 2 == 0 ? "governance/voting" : "rfc");
        github.GivenIssue("octo-org/tools", 1, "Amendment", "dana", "governance-amendment");
        github.GivenIssue("octo-org/tools", 2, "A bug", "dana", "bug");
        github.GivenPullRequest("octo-org/tools", 3, "PR", "erin", "rfc");
        github.CloseIssue(Repo, 2, "dana");
        github.GivenInstallation(8, "other-org/rfcs").GivenIssue("other-org/rfcs", 1, "Not ours", "dana", "rfc");
        var before = github.Requests().Count;

        var found = await GitHub.SearchOpenProcessesAsync(new InstallationRef(7, "octo-org"), ["rfc", "governance-amendment", "governance/discussion", "governance/voting"], Ct);

        Assert.Equal(
            [.. Enumerable.Range(1, 110).Where(n => n != 2).Select(n => new IssueRef(RepoRef, n)), new IssueRef(new RepoRef(7, "octo-org", "tools"), 1), new IssueRef(new RepoRef(7, "octo-org", "tools"), 3)],
            found.OrderBy(i => i.Repo.Name, StringComparer.Ordinal).ThenBy(i => i.Number));
        var searches = github.Requests().Skip(before).Where(r => r.Path == "/search/issues").ToList();
        Assert.Equal(2, searches.Count); // 110 results: two pages of 100
        Assert.Contains("org%3Aocto-org", searches[0].Query, StringComparison.Ordinal);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public void A_user_account_is_searched_with_the_user_qualifier_and_the_labels_are_ored_in_one_qualifier() =>
        Assert.Equal(
            "is:open user:dana label:\"rfc\",\"governance/voting\"",
            OctokitGitHub.SearchQuery(new InstallationRef(9, "dana", IsUser: true), ["rfc", "governance/voting"]));

    [Fact]
    public async Task Installations_and_their_repositories_are_listed()
    {
        github.GivenInstallation(8, "other-org/website", "other-org/docs");

        var installations = await adapter.Installations.ListInstallationsAsync(Ct);
        var repos = await adapter.Installations.ListRepositoriesAsync(8, Ct);

        Assert.Equal([new InstallationRef(7, "octo-org"), new InstallationRef(8, "other-org")], installations);
        Assert.Equal([new RepoRef(8, "other-org", "website"), new RepoRef(8, "other-org", "docs")], repos);
        wire.Prism.AssertNoViolations();
    }

    [Fact]
    public async Task An_installation_cannot_see_a_repository_it_was_not_granted()
    {
        github.GivenInstallation(8, "other-org/website");
        github.GivenIssue("other-org/website", 1, "RFC", "dana");

        Assert.Null(await GitHub.GetIssueAsync(new IssueRef(RepoRef with { Owner = "other-org", Name = "website" }, 1), Ct));
        Assert.NotNull(await GitHub.GetIssueAsync(new IssueRef(new RepoRef(8, "other-org", "website"), 1), Ct));
        wire.Prism.AssertNoViolations();
    }

    public void Dispose() => adapter.Dispose();
}
