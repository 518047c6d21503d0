using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// A cancelled process is settled: once the reconcile that cancelled it has written the status, the cancelled comment
/// and the label, a further reconcile (a comment, a re-run) reads the round back from its record and writes nothing.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class SettledCancellationTests(GitHubBehindPrism wire)
{
    private static readonly TimeSpan Discussion = TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1);

    private static bool Writes(FakeRequest r) => r.Method is "POST" or "PATCH" or "DELETE" or "PUT";

    [Fact]
    public async Task After_an_issue_is_cancelled_during_voting_a_further_reconcile_writes_nothing()
    {
        await using var app = await GovernanceApp.StartAsync(wire);
        await app.LabelAsync();
        await app.SettleAsync(() => app.Has("governance/discussion"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.Has("governance/voting"));
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.StatusComment.Body.Contains("| alice | +1 |", StringComparison.Ordinal));

        app.Advance(TimeSpan.FromHours(1));
        await app.CommentAsync("dana", "/governance cancel");
        await app.SettleAsync(() => app.Has("governance/cancelled") && app.BotCommentsWith("cancelled").Count > 1);
        var before = app.GitHub.Requests().Count;

        await app.CommentAsync("erin", "Thanks, we will take this up again next quarter.");
        await app.SettleAsync();

        var after = app.GitHub.Requests().Skip(before).ToList();
        Assert.Contains(after, r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
        Assert.DoesNotContain(after, Writes);
        Assert.Contains("| alice | +1 |", app.StatusComment.Body, StringComparison.Ordinal);
        app.AssertNoViolations();
    }

    [Fact]
    public async Task After_a_merge_cancels_a_vote_a_rerun_of_the_check_writes_nothing()
    {
        await using var app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { Given = g => g.WithPullRequest(Given.ThreeMemberTsc) });
        await app.LabelPullRequestAsync();
        await app.SettleAsync(() => app.HeadCheckIs("in_progress"));
        app.Advance(Discussion);
        await app.SettleAsync(() => app.PullRequestLabels().Contains("governance/voting"));
        await app.VoteOnPullRequestAsync("alice", "+1");
        await app.SettleAsync(() => app.HeadCheck()?.Title?.StartsWith("Voting: 1 of 3", StringComparison.Ordinal) ?? false);

        app.Advance(TimeSpan.FromHours(1));
        await app.MergeAsync(by: "erin");
        await app.SettleAsync(() => app.HeadCheckIs("completed"));
        var before = app.GitHub.Requests().Count;

        await app.RerunCheckAsync();
        await app.SettleAsync();

        var after = app.GitHub.Requests().Skip(before).ToList();
        Assert.Contains(after, r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
        Assert.DoesNotContain(after, Writes);
        app.AssertNoViolations();
    }
}
