using System.Text.Json.Nodes;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Organisation teams (<c>GET /orgs/{org}/teams/{team}/members</c>) and users in GitHub's shape.</summary>
public sealed partial class FakeGitHub
{
    public FakeGitHub GivenTeam(string org, string slug, params string[] members)
    {
        lock (gate)
        {
            state.SetTeam(org, slug, members);
        }

        return this;
    }

    private Answer TeamMembers(IRequestMessage request, string org, string team) =>
        state.TeamMembers(org, team) is { } members
            ? Page(request, [.. members.Select(m => UserJson(m))])
            : NotFound();

    private JsonObject UserJson(string login, string? type = null)
    {
        var api = $"{PublicUrl}users/{Uri.EscapeDataString(login)}";
        var id = StableId(login);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("U_", id),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = api,
            // A bot's page is its App's page: "governance-bot[bot]" is no valid URL path.
            ["html_url"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? $"https://github.com/apps/{login[..^5]}" : $"https://github.com/{login}",
            ["followers_url"] = $"{api}/followers",
            ["following_url"] = $"{api}/following{{/other_user}}",
            ["gists_url"] = $"{api}/gists{{/gist_id}}",
            ["starred_url"] = $"{api}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{api}/subscriptions",
            ["organizations_url"] = $"{api}/orgs",
            ["repos_url"] = $"{api}/repos",
            ["events_url"] = $"{api}/events{{/privacy}}",
            ["received_events_url"] = $"{api}/received_events",
            ["type"] = type ?? (login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User"),
            ["site_admin"] = false,
            ["user_view_type"] = "public",
        };
    }
}
