using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// Votes on pull requests through the real host: GitHub's real <c>pull_request</c>, <c>issue_comment</c> and
/// <c>check_run</c> payloads in, every request checked by Prism, and the <c>governance</c> check on the head commit
/// as a reader (and branch protection) sees it.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class PullRequestVoteTests(GitHubBehindPrism wire)
{
    private static readonly TimeSpan Discussion = TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1);

    private static GovernanceAppOptions WithPullRequest(string config = Given.ThreeMemberTsc, params string[] files) =>
        new() { Given = g => g.WithPullRequest(config, files) };

    [Fact]
    public async Task A_whole_vote_on_a_pull_request_runs_from_the_labeled_webhook_to_a_passing_check()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithPullRequest());

        await app.LabelPullRequestAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        var discussion = app.HeadCheck()!;
        Assert.StartsWith("Discussion: voting opens 2026-05-18 09:00 UTC", discussion.Title, StringComparison.Ordinal);
        var status = Assert.Single(app.BotCommentsOnPullRequest(), c => c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.EndsWith($"#issuecomment-{status.Id}", discussion.DetailsUrl, StringComparison.Ordinal);

        app.Advance(Discussion);
        await app.SettleAsync(() => app.HeadCheck()?.Title?.StartsWith("Voting", StringComparison.Ordinal) ?? false);
        await app.VoteOnPullRequestAsync("alice", "+1");
        await app.VoteOnPullRequestAsync("bob", "+1");
        await app.VoteOnPullRequestAsync("carol", "0");
        await app.SettleAsync(() => app.HeadCheckIs("completed"));

        var check = app.HeadCheck()!;
        Assert.Equal(("completed", "success"), (check.Status, check.Conclusion));
        Assert.Equal("Approved: 3 of 3 voted, quorum 2, 2 of 3 +1", check.Title);
        Assert.Contains("governance/approved", app.PullRequestLabels());
        Assert.Single(app.BotCommentsOnPullRequest(), c => c.Body.Contains("**Approved.**", StringComparison.Ordinal));
        Assert.Single(app.GitHub.CheckRuns(GovernanceApp.Repo, app.GitHub.HeadSha(GovernanceApp.Repo, Given.PullRequest)));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_rejected_vote_fails_the_check()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithPullRequest());
        await app.LabelPullRequestAsync();
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/voting"));

        await app.VoteOnPullRequestAsync("alice", "-1 Not before the next release.");
        await app.VoteOnPullRequestAsync("bob", "-1 Agreed with alice.");
        await app.VoteOnPullRequestAsync("carol", "+1");
        app.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await app.SettleAsync(() => app.HeadCheckIs("completed"));

        var check = app.HeadCheck()!;
        Assert.Equal(("completed", "failure"), (check.Status, check.Conclusion));
        Assert.StartsWith("Rejected: 3 of 3 voted", check.Title, StringComparison.Ordinal);
        Assert.Contains("governance/rejected", app.PullRequestLabels());
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_push_during_voting_gets_the_check_on_the_new_head_at_once_and_the_commits_are_flagged()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithPullRequest());
        await app.LabelPullRequestAsync();
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/voting"));
        await app.VoteOnPullRequestAsync("alice", "+1");
        await app.SettleAsync(() => app.HeadCheck()?.Title?.StartsWith("Voting: 1 of 3", StringComparison.Ordinal) ?? false);
        var oldHead = app.GitHub.HeadSha(GovernanceApp.Repo, Given.PullRequest);

        app.Advance(TimeSpan.FromHours(2));
        var newHead = await app.PushAsync(by: "dana", commits: 3);
        await app.SettleAsync(() => app.HeadCheck() is not null);

        var check = app.HeadCheck()!;
        Assert.NotEqual(oldHead, newHead);
        Assert.Equal((newHead, "in_progress"), (check.HeadSha, check.Status));
        Assert.StartsWith("Voting: 1 of 3 voted", check.Title, StringComparison.Ordinal);
        Assert.Contains("3 commits pushed after voting opened", check.Summary, StringComparison.Ordinal);
        var status = Assert.Single(app.BotCommentsOnPullRequest(), c => c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        Assert.Contains("3 commits pushed after voting opened", status.Body, StringComparison.Ordinal);
        Assert.Contains(newHead[..7], status.Body, StringComparison.Ordinal);

        // The old head keeps its check; nothing is written there again.
        Assert.Single(app.GitHub.CheckRuns(GovernanceApp.Repo, oldHead));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task A_merge_before_the_decision_cancels_the_process_and_fails_the_check()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithPullRequest());
        await app.LabelPullRequestAsync();
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(TimeSpan.FromDays(3));

        await app.MergeAsync(by: "erin");
        await app.SettleAsync(() => app.HeadCheckIs("completed"));

        var check = app.HeadCheck()!;
        Assert.Equal(("completed", "failure"), (check.Status, check.Conclusion));
        Assert.Equal("Cancelled: the pull request was merged by erin before the vote was decided", check.Title);
        Assert.Single(app.BotCommentsOnPullRequest(), c => c.Body.Contains("merged by erin before the vote was decided", StringComparison.Ordinal) && !c.Body.Contains(GovernanceApp.StatusMarker, StringComparison.Ordinal));
        app.AssertNoViolations();
    }

    [Fact]
    public async Task Rerunning_the_check_reconciles_and_writes_nothing_when_nothing_changed()
    {
        await using var app = await GovernanceApp.StartAsync(wire, WithPullRequest());
        await app.LabelPullRequestAsync();
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        var before = app.GitHub.Requests().Count;

        var response = await app.RerunCheckAsync();
        await app.SettleAsync();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var after = app.GitHub.Requests().Skip(before).ToList();
        Assert.Contains(after, r => r.Method == "GET" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal));
        Assert.DoesNotContain(after, r => r.Method is "POST" or "PATCH" or "DELETE");
        app.AssertNoViolations();
    }
}
