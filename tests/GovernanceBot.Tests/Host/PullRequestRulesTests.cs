using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The pull-request settings of governance.yml through the real host, with real payloads and Prism:
/// <c>proposal_changes: restart</c> and <c>pull_requests.require</c>.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class PullRequestRulesTests(GitHubBehindPrism wire)
{
    private const string Restart = "tsc:\n  members: [alice, bob, carol]\nprocesses:\n  rfc:\n    proposal_changes: restart\n";
    private const string Require = "tsc:\n  members: [alice, bob, carol]\npull_requests:\n  require:\n    governance-amendment: [GOVERNANCE.md, \"docs/governance/**\"]\n";
    private static readonly TimeSpan Discussion = TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task With_proposal_changes_restart_a_push_during_voting_starts_a_new_round_on_the_new_head()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Config = Restart, Given = g => g.WithPullRequest(Restart) });
        await app.LabelPullRequestAsync("rfc");
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/voting"));
        await app.VoteOnPullRequestAsync("alice", "+1");
        await app.SettleAsync(() => app.HeadCheck()?.Title?.StartsWith("Voting: 1 of 3", StringComparison.Ordinal) ?? false);

        app.Advance(TimeSpan.FromHours(1));
        var newHead = await app.PushAsync(by: "dana");
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/discussion"));

        var check = app.HeadCheck()!;
        Assert.Equal((newHead, "in_progress"), (check.HeadSha, check.Status));
        Assert.StartsWith("Discussion: voting opens", check.Title, StringComparison.Ordinal);
        var restarted = Assert.Single(app.BotCommentsOnPullRequest(), c => c.Body.Contains("**A new round started**", StringComparison.Ordinal));
        Assert.Contains("1 commit was pushed after voting opened in round 1", restarted.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("governance/voting", app.PullRequestLabels());
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_pull_request_touching_governance_md_without_the_label_fails_the_check_until_its_vote_approves()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Config = Require, Given = g => g.WithPullRequest(Require, "GOVERNANCE.md") });

        await app.OpenedAsync();
        await app.SettleAsync(() => app.HeadCheck() is not null);

        var blocked = app.HeadCheck()!;
        Assert.Equal(("completed", "failure", "Vote needed: governance-amendment"), (blocked.Status, blocked.Conclusion, blocked.Title));
        Assert.Contains("This change needs a governance-amendment vote: add the label to start it", blocked.Summary, StringComparison.Ordinal);
        Assert.Empty(app.BotCommentsOnPullRequest());

        await app.LabelPullRequestAsync("governance-amendment");
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/voting"));
        foreach (var login in new[] { "alice", "bob", "carol" }) await app.VoteOnPullRequestAsync(login, "+1");
        await app.SettleAsync(() => app.HeadCheckIs("completed", "success"));

        var passed = app.HeadCheck()!;
        Assert.Equal("Approved: 3 of 3 voted, quorum 2, 3 of 3 +1", passed.Title);
        Assert.Contains("governance/approved", app.PullRequestLabels());
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_pull_request_touching_no_required_path_and_carrying_no_process_gets_a_passing_check()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Config = Require, Given = g => g.WithPullRequest(Require, "src/app.cs") });

        await app.OpenedAsync();
        await app.SettleAsync(() => app.HeadCheck() is not null);

        Assert.Equal(("completed", "success"), (app.HeadCheck()!.Status, app.HeadCheck()!.Conclusion));
        Assert.Empty(app.BotCommentsOnPullRequest());
        app.AssertNoViolations();
    }
}
