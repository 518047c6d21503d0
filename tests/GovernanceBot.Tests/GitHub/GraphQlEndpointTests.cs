using GovernanceBot.GitHub;

namespace GovernanceBot.Tests.GitHub;

/// <summary>Where the adapter sends its GraphQL query, worked out from the REST root: pure, so no Node, no Prism, no fake GitHub.</summary>
public sealed class GraphQlEndpointTests
{
    [Theory]
    [InlineData("https://api.github.com/", "https://api.github.com/graphql")]
    [InlineData("https://github.example.com/api/v3/", "https://github.example.com/api/graphql")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/graphql")]
    public void The_graphql_endpoint_sits_beside_the_rest_root(string api, string graphql) =>
        Assert.Equal(new Uri(graphql), OctokitGitHub.GraphQlEndpoint(new Uri(api)));
}
