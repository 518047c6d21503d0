using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovernanceBot.Webhooks;
using Octokit.Webhooks.Events;

namespace GovernanceBot.Tests.Host;

/// <summary>The fields an <c>issue_comment</c> delivery is routed by, read without Octokit.Webhooks' model, and read the same.</summary>
public sealed class CommentRouteTests
{
    public static TheoryData<string> CommentPayloads() =>
        [.. Payloads.All().Where(p => p.Event == "issue_comment").Select(p => p.File)];

    [Theory]
    [MemberData(nameof(CommentPayloads))]
    public void Every_real_comment_payload_reads_as_octokit_webhooks_reads_it(string file)
    {
        var payload = Payloads.For("issue_comment", file, Given.Installation, Given.Repo, Given.Issue);
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var octokit = JsonSerializer.Deserialize<IssueCommentEvent>(body)!;

        Assert.True(CommentRoute.TryRead(body, out var route));

        Assert.Equal(new CommentRoute(octokit.Action!, octokit.Installation!.Id, octokit.Repository!.Owner.Login, octokit.Repository.Name, octokit.Issue.Number), route);
    }

    [Fact]
    public void A_comment_delivery_without_an_installation_is_left_to_the_full_model()
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload.Remove("installation");

        Assert.False(CommentRoute.TryRead(Encoding.UTF8.GetBytes(payload.ToJsonString()), out _));
    }

    [Theory]
    [Trait("Category", "Hostile")]
    [InlineData("installation", "\"42\"")]
    [InlineData("issue", "12")]
    [InlineData("repository", "[\"octo-org\", \"rfcs\"]")]
    [InlineData("action", "{\"created\": true}")]
    public void A_field_of_another_shape_than_github_sends_is_not_read_and_nothing_throws(string field, string json)
    {
        var payload = Given.CommentCreated(7, "alice", "/vote +1");
        payload[field] = JsonNode.Parse(json);

        Assert.False(CommentRoute.TryRead(Encoding.UTF8.GetBytes(payload.ToJsonString()), out _));
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void Truncated_json_is_not_read()
    {
        var body = Encoding.UTF8.GetBytes(Given.CommentCreated(7, "alice", "/vote +1").ToJsonString());

        Assert.False(CommentRoute.TryRead(body.AsSpan(0, body.Length / 2), out _));
    }
}
