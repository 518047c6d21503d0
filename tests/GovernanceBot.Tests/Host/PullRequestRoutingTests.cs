using System.Text;
using System.Text.Json.Nodes;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>Routing of the pull-request deliveries, with GitHub's real payloads: what is queued and what is ignored, as a value.</summary>
public sealed class PullRequestRoutingTests
{
    private const int Number = 21;
    private const string Head = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static readonly IssueRef Pull = new(new RepoRef(Given.Installation, "octo-org", "rfcs"), Number);

    private readonly ReconcileQueue _queue = new(NullLogger<ReconcileQueue>.Instance);

    [Theory]
    [InlineData("labeled.payload.json", "labeled")]
    [InlineData("unlabeled.payload.json", "unlabeled")]
    [InlineData("closed.payload.json", "closed")]
    [InlineData("reopened.payload.json", "reopened")]
    [InlineData("synchronize.payload.json", "synchronize")]
    [InlineData("opened.payload.json", "opened")]
    public void A_pull_request_delivery_that_can_change_its_process_or_check_queues_it(string file, string action)
    {
        var outcome = Route("pull_request", Payloads.ForPullRequest(file, Given.Installation, Given.Repo, Number));

        Assert.Equal(new DeliveryOutcome("pull_request", action, DeliveryResult.Accepted, Pull, $"queued octo-org/rfcs#21 for pull_request.{action}"), outcome);
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void An_edited_pull_request_is_queued_since_its_description_may_have_changed_after_voting_opened()
    {
        // GitHub's edited delivery is the pull request as it is now, with what changed; the fixtures have none, so it is
        // the opened one with that action and its changes.
        var payload = Payloads.ForPullRequest("opened.payload.json", Given.Installation, Given.Repo, Number);
        payload["action"] = "edited";
        payload["changes"] = new System.Text.Json.Nodes.JsonObject { ["body"] = new System.Text.Json.Nodes.JsonObject { ["from"] = "The first description." } };

        var outcome = Route("pull_request", payload);

        Assert.Equal(new DeliveryOutcome("pull_request", "edited", DeliveryResult.Accepted, Pull, "queued octo-org/rfcs#21 for pull_request.edited"), outcome);
        Assert.Equal(1, _queue.Count);
    }

    [Theory]
    [InlineData("converted_to_draft.payload.json", "converted_to_draft")]
    [InlineData("ready_for_review.payload.json", "ready_for_review")]
    public void Other_pull_request_actions_are_ignored(string file, string action)
    {
        var outcome = Route("pull_request", Payloads.ForPullRequest(file, Given.Installation, Given.Repo, Number));

        Assert.Equal(DeliveryOutcome.Ignored("pull_request", action, $"ignored pull_request.{action}"), outcome);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void A_comment_on_a_pull_request_is_queued_like_one_on_an_issue()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1", issue: Number, pullRequest: true);
        Assert.NotNull(payload["issue"]!["pull_request"]);

        var outcome = Route("issue_comment", payload);

        Assert.Equal(new DeliveryOutcome("issue_comment", "created", DeliveryResult.Accepted, Pull, "queued octo-org/rfcs#21 for issue_comment.created"), outcome);
    }

    [Fact]
    public void A_rerun_of_the_governance_check_queues_its_pull_request()
    {
        var outcome = Route("check_run", Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Given.Repo, Number, "governance", Head));

        Assert.Equal(new DeliveryOutcome("check_run", "rerequested", DeliveryResult.Accepted, Pull, "queued octo-org/rfcs#21 for check_run.rerequested"), outcome);
    }

    [Fact]
    public void A_rerun_of_another_check_or_another_check_run_action_is_ignored()
    {
        var theirs = Route("check_run", Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Given.Repo, Number, "tests", Head));
        var created = Route("check_run", Payloads.ForCheckRun("created.payload.json", Given.Installation, Given.Repo, Number, "governance", Head));

        Assert.Equal(DeliveryOutcome.Ignored("check_run", "rerequested", "ignored check_run.rerequested of the check “tests”: not ours"), theirs);
        Assert.Equal(DeliveryOutcome.Ignored("check_run", "created", "ignored check_run.created"), created);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void A_rerun_that_names_no_pull_request_is_ignored()
    {
        var payload = Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Given.Repo, Number, "governance", Head);
        payload["check_run"]!["pull_requests"] = new JsonArray();

        var outcome = Route("check_run", payload);

        Assert.Equal(DeliveryOutcome.Ignored("check_run", "rerequested", "ignored check_run.rerequested: the check run names no pull request"), outcome);
    }

    private DeliveryOutcome Route(string @event, JsonObject payload) =>
        new DeliveryRouter(_queue, new InstallationDirectory(new NoInstallations()), new NoTokens(), NullLogger<DeliveryRouter>.Instance)
            .Route(@event, Guid.NewGuid().ToString(), DeliveryFields.Read(Encoding.UTF8.GetBytes(payload.ToJsonString())));

    private sealed class NoTokens : IInstallationTokens
    {
        public void Forget(long installationId)
        {
        }
    }

    private sealed class NoInstallations : IGitHubInstallations
    {
        public Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InstallationRef>>([]);

        public Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RepoRef>>([]);
    }
}
