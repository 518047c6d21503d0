using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary>The dashboard page: its words and markup pinned by a golden file, and what each visitor may see.</summary>
public sealed class DashboardPageTests
{
    private static readonly DateTimeOffset Now = IssueStory.Day(10);

    private static Round LatestAt(IssueStory story, double day) => story.BotRunsAt(day).Rounds[^1];

    private static DashboardProcess Process(string repo, int number, string title, Round round, bool isPrivate = false) =>
        new(repo, number, title, $"https://github.com/{repo}/issues/{number}", isPrivate, round);

    /// <summary>One process in each phase: discussion, voting (alice voted), approved, no quorum, and one of a private repository.</summary>
    public static IReadOnlyList<DashboardProcess> EveryPhase() =>
    [
        Process("octo/app", 1, "Adopt <b>Rust</b> & more", LatestAt(new IssueStory("alice", "bob", "carol").Label(5), 10)),
        Process("octo/app", 2, "Move to a monorepo", LatestAt(new IssueStory("alice", "bob", "carol").Label(-6).Comment(9, "alice", "/vote +1"), 10)),
        Process("octo/docs", 3, "New logo", LatestAt(new IssueStory("alice", "bob", "carol").Label(-30).Comment(-14, "alice", "/vote +1").Comment(-14, "bob", "/vote +1").Comment(-14, "carol", "/vote +1"), 10)),
        Process("octo/docs", 4, "Drop Windows", LatestAt(new IssueStory("alice", "bob", "carol").Label(-31).Comment(-15, "alice", "/vote -1").Comment(-15, "bob", "/vote -1").Comment(-15, "carol", "/vote -1"), 10)),
        Process("octo/secret", 5, "Secret plan", LatestAt(new IssueStory("alice", "bob", "carol").Label(0), 10), isPrivate: true),
    ];

    [Fact]
    public void The_page_of_every_phase_matches_its_golden_file() =>
        Golden.Verify("dashboard", DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, null, showPrivate: false, tokenConfigured: true)), ".html");

    [Fact]
    public void The_page_for_a_login_matches_its_golden_file() =>
        Golden.Verify("dashboard-login", DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, "bob", showPrivate: false, tokenConfigured: false)), ".html");

    [Fact]
    public void A_private_repository_is_absent_for_an_anonymous_visitor_and_present_with_the_token()
    {
        var anonymous = DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, null, showPrivate: false, tokenConfigured: true));
        var signedIn = DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, null, showPrivate: true, tokenConfigured: true));

        Assert.DoesNotContain("octo/secret", anonymous);
        Assert.DoesNotContain("Secret plan", anonymous);
        Assert.Contains("Secret plan", signedIn);
    }

    [Fact]
    public void A_login_shows_only_the_processes_waiting_for_that_members_vote()
    {
        var view = DashboardView.Build(EveryPhase(), Now, "alice", showPrivate: true, tokenConfigured: false);

        Assert.DoesNotContain(view.Open, p => p.Round.Phase == Phase.Voting); // alice voted on #2; #1 and #5 are in discussion, so nobody is waited for
        Assert.Contains(DashboardView.Build(EveryPhase(), Now, "bob", true, false).Open, p => p.Number == 2);
    }

    [Fact]
    public void Participation_counts_binding_votes_over_the_rounds_of_each_members_electorate()
    {
        var view = DashboardView.Build(EveryPhase(), Now, null, showPrivate: false, tokenConfigured: false);

        Assert.Contains(new Participation("octo/app", "alice", 1, 1), view.Participation);
        Assert.Contains(new Participation("octo/app", "bob", 0, 1), view.Participation);
        Assert.Contains(new Participation("octo/docs", "carol", 1, 2), view.Participation);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void Titles_and_logins_are_html_encoded()
    {
        var html = DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, "<script>x</script>", showPrivate: false, tokenConfigured: false));

        Assert.DoesNotContain("<b>Rust</b>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Adopt &lt;b&gt;Rust&lt;/b&gt; &amp; more", DashboardPage.Render(DashboardView.Build(EveryPhase(), Now, null, false, false)));
    }
}
