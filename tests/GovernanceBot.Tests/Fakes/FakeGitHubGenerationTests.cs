using System.Net;
using System.Text;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// Tests share one fake behind one Prism: a request a bot of an ended test gave up on can still arrive through the
/// proxy after the next test's reset. Stamped with the generation it was made for, it changes nothing and is not counted.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class FakeGitHubGenerationTests(GitHubBehindPrism wire)
{
    private const string Repo = "octo-org/rfcs";
    private const string Token = "ghp_generations";

    [Fact]
    public async Task A_request_made_for_an_earlier_test_neither_changes_nor_counts_in_the_fresh_github()
    {
        var github = wire.Fresh().AllowPersonalToken(Token).GivenIssue(Repo, 1, "RFC: one", "dana");
        using var current = new HttpClient(wire.Prism.CreateCheckingHandler(github.Generation)) { BaseAddress = new Uri(wire.Prism.Url) };
        using var earlier = new HttpClient(wire.Prism.CreateCheckingHandler(github.Generation - 1)) { BaseAddress = new Uri(wire.Prism.Url) };
        var staleBefore = github.StaleRequests;

        using var counted = await PostCommentAsync(current, "counted");
        using var stale = await PostCommentAsync(earlier, "from a test that has ended");

        Assert.Equal(HttpStatusCode.Created, counted.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Equal(["counted"], github.Comments(Repo, 1).Select(c => c.Body));
        Assert.Single(github.Exchanges());
        Assert.Equal(staleBefore + 1, github.StaleRequests);
    }

    [Fact]
    public async Task A_retry_of_the_same_request_is_still_of_this_generation()
    {
        var github = wire.Fresh().AllowPersonalToken(Token).GivenIssue(Repo, 1, "RFC: one", "dana");
        using var invoker = new HttpMessageInvoker(wire.Prism.CreateCheckingHandler(github.Generation));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(wire.Prism.Url), $"repos/{Repo}/issues/1"));
        request.Headers.Authorization = new("Bearer", Token);
        request.Headers.UserAgent.ParseAdd("GovernanceBot-tests");

        // The resilience handler sends the same message again after a failure.
        using var first = await invoker.SendAsync(request, CancellationToken.None);
        using var retry = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, github.Exchanges().Count);
    }

    [Fact]
    public async Task A_request_without_a_generation_is_served_as_before()
    {
        var github = wire.Fresh().AllowPersonalToken(Token).GivenIssue(Repo, 1, "RFC: one", "dana");
        using var client = new HttpClient(wire.Prism.CreateCheckingHandler()) { BaseAddress = new Uri(wire.Prism.Url) };

        using var response = await PostCommentAsync(client, "unstamped");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(github.Exchanges());
    }

    private static async Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"repos/{Repo}/issues/1/comments")
        {
            Content = new StringContent($"{{\"body\":\"{body}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Token);
        request.Headers.UserAgent.ParseAdd("GovernanceBot-tests");
        return await client.SendAsync(request);
    }
}
