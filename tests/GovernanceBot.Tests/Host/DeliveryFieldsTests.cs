using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovernanceBot.Webhooks;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The fields a delivery is routed by, read in one pass without an event model (<see cref="DeliveryFields"/>), read as
/// Octokit.Webhooks' model reads them, for every real payload of every event the bot handles.
/// </summary>
public sealed class DeliveryFieldsTests
{
    private static readonly string[] RoutedEvents = ["issues", "issue_comment", "pull_request", "check_run", "installation", "installation_repositories", "ping"];

    public static TheoryData<string, string> RoutedPayloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var (e, file) in Payloads.All().Where(p => RoutedEvents.Contains(p.Event))) data.Add(e, file);
        return data;
    }

    [Fact]
    public void Every_routed_event_has_real_payloads_to_check()
    {
        var events = Payloads.All().Select(p => p.Event).ToHashSet();

        Assert.All(RoutedEvents, e => Assert.Contains(e, events));
    }

    [Theory]
    [MemberData(nameof(RoutedPayloads))]
    public void Every_real_payload_reads_as_octokit_webhooks_reads_it(string @event, string file)
    {
        var body = Encoding.UTF8.GetBytes(Payloads.Raw(@event, file));

        var fields = Readable(body);

        var expected = Octokit(@event, body);
        Assert.Equal(expected.Action, fields.Action);
        Assert.Equal(InstallationId(expected), fields.InstallationId);
        Assert.Equal(expected.Repository?.Owner.Login, fields.Owner);
        Assert.Equal(expected.Repository?.Name, fields.Repository);
        Assert.Equal(expected.Repository?.Private, fields.RepositoryPrivate);
        switch (expected)
        {
            case IssuesEvent issues:
                Assert.Equal(issues.Issue.Number, fields.IssueNumber);
                break;
            case IssueCommentEvent comment:
                Assert.Equal(comment.Issue.Number, fields.IssueNumber);
                break;
            case PullRequestEvent pull:
                Assert.Equal(pull.Number, fields.PullRequestNumber);
                Assert.Equal(pull.PullRequest.Number, fields.PullRequestNumber);
                break;
            case CheckRunEvent run:
                Assert.Equal(run.CheckRun.Name, fields.CheckRunName);
                Assert.Equal(run.CheckRun.PullRequests.Select(p => p.Number), fields.CheckRunPullRequests);
                break;
            case InstallationRepositoriesEvent repositories:
                Assert.Equal(repositories.RepositoriesRemoved?.Select(r => r.FullName) ?? [], fields.RepositoriesRemoved);
                break;
        }
    }

    [Fact]
    public void A_check_run_names_its_pull_requests_in_order()
    {
        var payload = Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Given.Repo, 21, "governance", new string('a', 40));
        payload["check_run"]!["pull_requests"]!.AsArray().Add(new JsonObject { ["number"] = 5, ["url"] = "https://api.github.com/repos/octo-org/rfcs/pulls/5" });

        var fields = Readable(Bytes(payload));

        Assert.Equal("governance", fields.CheckRunName);
        Assert.Equal([21L, 5L], fields.CheckRunPullRequests);
    }

    [Fact]
    public void A_delivery_without_an_installation_reads_with_none()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload.Remove("installation");

        var fields = Readable(Bytes(payload));

        Assert.Null(fields.InstallationId);
        Assert.Equal(Given.Issue, fields.IssueNumber);
    }

    [Theory]
    [Trait("Category", "Hostile")]
    [InlineData("installation", "\"42\"", "installation is not an object")]
    [InlineData("installation", "{\"id\": \"42\"}", "installation.id is not a whole number")]
    [InlineData("installation", "{\"id\": 4.5}", "installation.id is not a whole number")]
    [InlineData("issue", "12", "issue is not an object")]
    [InlineData("issue", "{\"number\": 1e400}", "issue.number is not a whole number")]
    [InlineData("repository", "[\"octo-org\", \"rfcs\"]", "repository is not an object")]
    [InlineData("repository", "{\"name\": 7}", "repository.name is not a string")]
    [InlineData("repository", "{\"owner\": \"octo-org\"}", "repository.owner is not an object")]
    [InlineData("repository", "{\"private\": \"no\"}", "repository.private is not true or false")]
    [InlineData("action", "{\"created\": true}", "action is not a string")]
    [InlineData("check_run", "{\"pull_requests\": {}}", "check_run.pull_requests is not an array")]
    [InlineData("check_run", "{\"pull_requests\": [7]}", "check_run.pull_requests[] is not an object")]
    [InlineData("repositories_removed", "[{\"full_name\": false}]", "repositories_removed[].full_name is not a string")]
    public void A_field_of_another_shape_than_github_sends_is_named_and_nothing_throws(string field, string json, string problem)
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload[field] = JsonNode.Parse(json);

        var reading = DeliveryFields.Read(Bytes(payload));

        Assert.False(reading.Malformed);
        Assert.Equal(problem, reading.Problem);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void Fields_the_router_does_not_read_may_hold_anything()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload["comment"] = new JsonArray(1, "two", new JsonObject { ["deep"] = new JsonArray(new JsonArray(new JsonArray())) });
        payload["sender"] = null;

        var fields = Readable(Bytes(payload));

        Assert.Equal(Given.Issue, fields.IssueNumber);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void Truncated_json_is_not_read()
    {
        var body = Bytes(Given.CommentCreated(7, "alice", "/vote +1"));

        Assert.True(DeliveryFields.Read(body.AsSpan(0, body.Length / 2)).Malformed);
    }

    /// <summary>The installation events' model carries its own <c>installation</c> (with the whole App installation), hiding the base one.</summary>
    private static long? InstallationId(WebhookEvent e) => e switch
    {
        InstallationEvent installation => installation.Installation.Id,
        InstallationRepositoriesEvent repositories => repositories.Installation.Id,
        _ => e.Installation?.Id,
    };

    [Theory]
    [Trait("Category", "Hostile")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1, 2]")]
    [InlineData("\"issue\"")]
    [InlineData("{\"action\": \"created\"} trailing")]
    [InlineData("{\"action\": \"created\"}{}")]
    [InlineData("{\"action\": \"created\", /* a comment */ \"issue\": {\"number\": 1}}")]
    [InlineData("{\"issue\": 12, \"comment\": {\"body\": }")]
    public void A_body_that_is_not_one_json_object_is_malformed_even_past_a_field_of_another_shape(string body)
    {
        var reading = DeliveryFields.Read(Encoding.UTF8.GetBytes(body));

        Assert.True(reading.Malformed);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_field_of_another_shape_in_well_formed_json_is_a_problem_not_malformed_json()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload["issue"] = 12;

        var reading = DeliveryFields.Read(Bytes(payload));

        Assert.False(reading.Malformed);
        Assert.Equal("issue is not an object", reading.Problem);
    }

    [Fact]
    public void A_real_payload_is_well_formed_with_no_problem()
    {
        var reading = DeliveryFields.Read(Bytes(Given.CommentCreated(7, "alice", "/vote +1")));

        Assert.False(reading.Malformed);
        Assert.Null(reading.Problem);
        Assert.Equal(Given.Issue, reading.Fields.IssueNumber);
    }

    /// <summary>The fields of a well-formed delivery with no field of another shape.</summary>
    private static DeliveryFields Readable(byte[] body)
    {
        var reading = DeliveryFields.Read(body);
        Assert.False(reading.Malformed);
        Assert.Null(reading.Problem);
        return reading.Fields;
    }

    private static byte[] Bytes(JsonObject payload) => Encoding.UTF8.GetBytes(payload.ToJsonString());

    private static WebhookEvent Octokit(string @event, byte[] body) => @event switch
    {
        "issues" => JsonSerializer.Deserialize<IssuesEvent>(body)!,
        "issue_comment" => JsonSerializer.Deserialize<IssueCommentEvent>(body)!,
        "pull_request" => JsonSerializer.Deserialize<PullRequestEvent>(body)!,
        "check_run" => JsonSerializer.Deserialize<CheckRunEvent>(body)!,
        "installation" => JsonSerializer.Deserialize<InstallationEvent>(body)!,
        "installation_repositories" => JsonSerializer.Deserialize<InstallationRepositoriesEvent>(body)!,
        _ => JsonSerializer.Deserialize<PingEvent>(body)!,
    };
}
