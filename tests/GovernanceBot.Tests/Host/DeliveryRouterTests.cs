using System.Text;
using System.Text.Json.Nodes;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>Routing on its own: a delivery in, what it did out, as a value. No host, no GitHub.</summary>
public sealed class DeliveryRouterTests
{
    private static readonly IssueRef Issue = new(new RepoRef(Given.Installation, "octo-org", "rfcs"), Given.Issue);

    private readonly ReconcileQueue _queue = new(NullLogger<ReconcileQueue>.Instance);
    private readonly ForgottenTokens _tokens = new();

    [Fact]
    public void A_labeled_issue_is_queued_and_the_outcome_names_the_issue()
    {
        var outcome = Route("issues", Given.Labeled());

        Assert.Equal(new DeliveryOutcome("issues", "labeled", DeliveryResult.Accepted, Issue, "queued octo-org/rfcs#12 for issues.labeled"), outcome);
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void The_same_issue_while_queued_is_a_duplicate_and_queued_once()
    {
        Route("issues", Given.Labeled());
        var again = Route("issue_comment", Given.CommentCreated(7, "alice", "/vote +1"));

        Assert.Equal(DeliveryResult.Duplicate, again.Result);
        Assert.Equal(Issue, again.Issue);
        Assert.Equal("octo-org/rfcs#12 is already queued (issue_comment.created)", again.Answer);
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void An_action_that_changes_no_process_is_ignored_and_queues_nothing()
    {
        var pinned = Given.Labeled();
        pinned["action"] = "pinned";

        var outcome = Route("issues", pinned);

        Assert.Equal(new DeliveryOutcome("issues", "pinned", DeliveryResult.Ignored, null, "ignored issues.pinned"), outcome);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void An_edited_issue_is_queued_since_its_body_may_have_changed_after_voting_opened()
    {
        var outcome = Route("issues", Payloads.For("issues", "edited.payload.json", Given.Installation, Given.Repo, Given.Issue));

        Assert.Equal(new DeliveryOutcome("issues", "edited", DeliveryResult.Accepted, Issue, "queued octo-org/rfcs#12 for issues.edited"), outcome);
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void An_installation_event_drops_the_token_and_names_no_issue()
    {
        var payload = Payloads.Load("installation", "suspend.payload.json");
        payload["installation"]!["id"] = Given.Installation;

        var outcome = Route("installation", payload);

        Assert.Equal(DeliveryResult.Accepted, outcome.Result);
        Assert.Null(outcome.Issue);
        Assert.Equal("installation.suspend", outcome.Name);
        Assert.Equal([Given.Installation], _tokens.Forgotten);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void An_event_without_a_handler_is_ignored()
    {
        var outcome = Route("star", new JsonObject { ["action"] = "created" });

        Assert.Equal(DeliveryOutcome.Ignored("star", null, "ignored: no handler for this event or action"), outcome);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_delivery_of_another_shape_than_github_sends_is_ignored_and_the_answer_names_the_field()
    {
        var payload = Given.Labeled();
        payload["issue"] = "12";

        var outcome = Route("issues", payload);

        Assert.Equal(DeliveryOutcome.Ignored("issues", null, "ignored: issues could not be read by this version (issue is not an object)"), outcome);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_delivery_that_names_no_issue_is_ignored()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload.Remove("issue");

        var outcome = Route("issue_comment", payload);

        Assert.Equal(DeliveryOutcome.Ignored("issue_comment", "created", "ignored issue_comment.created: the delivery names no issue or pull request"), outcome);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void An_issue_action_this_version_does_not_know_is_ignored_by_name()
    {
        var payload = Given.Labeled();
        payload["action"] = "sparkled";

        Assert.Equal(DeliveryOutcome.Ignored("issues", "sparkled", "ignored issues.sparkled"), Route("issues", payload));
    }

    private DeliveryOutcome Route(string @event, JsonObject payload) =>
        new DeliveryRouter(_queue, new InstallationDirectory(new NoInstallations()), _tokens, NullLogger<DeliveryRouter>.Instance)
            .Route(@event, Guid.NewGuid().ToString(), DeliveryFields.Read(Encoding.UTF8.GetBytes(payload.ToJsonString())));

    private sealed class ForgottenTokens : IInstallationTokens
    {
        public List<long> Forgotten { get; } = [];

        public void Forget(long installationId) => Forgotten.Add(installationId);
    }

    private sealed class NoInstallations : IGitHubInstallations
    {
        public Task<IReadOnlyList<InstallationRef>> ListInstallationsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InstallationRef>>([]);

        public Task<IReadOnlyList<RepoRef>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RepoRef>>([]);
    }
}
