using System.Net;
using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// What people do on a pull request, each followed by the delivery GitHub sends for it (GitHub's real
/// <c>pull_request</c> and <c>check_run</c> payloads, re-aimed at <see cref="Given.PullRequest"/>), and what a reader
/// sees on its head commit.
/// </summary>
public sealed partial class GovernanceApp
{
    /// <summary><paramref name="by"/> applies <paramref name="label"/> to the pull request; GitHub sends <c>pull_request.labeled</c>.</summary>
    public async Task<HttpResponseMessage> LabelPullRequestAsync(string label = "rfc", string by = "dana", int number = Given.PullRequest)
    {
        GitHub.AddLabel(Repo, number, label, by);
        var payload = PullRequestPayload("labeled.payload.json", number);
        payload["label"]!["name"] = label;
        return await DeliverAsync("pull_request", payload);
    }

    /// <summary>The pull request (already in GitHub) was opened: GitHub sends <c>pull_request.opened</c>.</summary>
    public async Task OpenedAsync(int number = Given.PullRequest)
    {
        var response = await DeliverAsync("pull_request", PullRequestPayload("opened.payload.json", number));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary><paramref name="login"/> comments on the pull request; GitHub sends <c>issue_comment.created</c> whose issue carries <c>pull_request</c>.</summary>
    public async Task<long> CommentOnPullRequestAsync(string login, string body, int number = Given.PullRequest)
    {
        var id = GitHub.GivenComment(Repo, number, login, body, Now);
        var response = await DeliverAsync("issue_comment", Given.CommentCreated(id, login, body, number, pullRequest: true));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    public Task<long> VoteOnPullRequestAsync(string login, string vote, int number = Given.PullRequest) => CommentOnPullRequestAsync(login, "/vote " + vote, number);

    /// <summary><paramref name="by"/> pushes <paramref name="commits"/> commits; GitHub sends <c>pull_request.synchronize</c>. Returns the new head.</summary>
    public async Task<string> PushAsync(string by = "dana", int commits = 1, int number = Given.PullRequest)
    {
        var before = GitHub.HeadSha(Repo, number);
        var head = GitHub.Push(Repo, number, by, commits);
        var payload = PullRequestPayload("synchronize.payload.json", number);
        payload["before"] = before;
        var response = await DeliverAsync("pull_request", payload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return head;
    }

    /// <summary><paramref name="by"/> merges the pull request; GitHub sends <c>pull_request.closed</c> with <c>merged: true</c>.</summary>
    public async Task MergeAsync(string by = "alice", int number = Given.PullRequest)
    {
        GitHub.Merge(Repo, number, by);
        var payload = PullRequestPayload("closed.payload.json", number);
        payload["pull_request"]!["merged"] = true;
        var response = await DeliverAsync("pull_request", payload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Someone presses "Re-run" on the governance check; GitHub sends <c>check_run.rerequested</c>.</summary>
    public async Task<HttpResponseMessage> RerunCheckAsync(int number = Given.PullRequest) =>
        await DeliverAsync("check_run", Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Repo, number, "governance", GitHub.HeadSha(Repo, number)));

    /// <summary>The governance check a reader sees on the pull request's head now (null: none).</summary>
    public FakeGitHub.FakeCheckRun? HeadCheck(int number = Given.PullRequest) => GitHub.HeadCheck(Repo, number);

    /// <summary>The pull request's comments, and the bot's among them.</summary>
    public IReadOnlyList<FakeComment> PullRequestComments(int number = Given.PullRequest) => GitHub.Comments(Repo, number);

    public IReadOnlyList<FakeComment> BotCommentsOnPullRequest(int number = Given.PullRequest) => [.. PullRequestComments(number).Where(c => c.Author == GitHub.BotLogin)];

    public IReadOnlyList<string> PullRequestLabels(int number = Given.PullRequest) => GitHub.Labels(Repo, number);

    /// <summary>True once the head carries a governance check in <paramref name="status"/> (and <paramref name="conclusion"/>, when given).</summary>
    public bool HeadCheckIs(string status, string? conclusion = null, int number = Given.PullRequest) =>
        HeadCheck(number) is { } check && check.Status == status && (conclusion is null || check.Conclusion == conclusion);

    private JsonObject PullRequestPayload(string file, int number) =>
        Payloads.ForPullRequest(file, Given.Installation, Repo, number, GitHub.HeadSha(Repo, number));
}
