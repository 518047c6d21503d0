using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>The App, its installations and their tokens: arrange verbs and the <c>/app</c> and <c>/installation</c> handlers.</summary>
public sealed partial class FakeGitHub
{
    public FakeGitHub GivenApp(string slug, long appId = 1)
    {
        lock (gate)
        {
            state.AppSlug = slug;
            state.AppId = appId;
        }

        return this;
    }

    /// <param name="repos">"owner/name" of each repository the installation was granted.</param>
    public FakeGitHub GivenInstallation(long id, params string[] repos)
    {
        lock (gate)
        {
            state.Installations[id] = [.. repos.Select(RepoKey.Parse)];
        }

        return this;
    }

    /// <summary>How many installation tokens were handed out.</summary>
    public int TokensIssued
    {
        get
        {
            lock (gate)
            {
                return state.Tokens.Count;
            }
        }
    }

    /// <summary>A person's access token (as <c>audit --token</c> sends): it reads every repository, whatever installation holds it.</summary>
    public FakeGitHub AllowPersonalToken(string token)
    {
        lock (gate)
        {
            state.PersonalTokens.Add(token);
        }

        return this;
    }

    private Answer IssueToken(long installationId)
    {
        if (state.IssueToken(installationId) is not var (token, expiresAt))
        {
            return NotFound();
        }

        return Answer.Of(201, new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = Iso(expiresAt),
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read" },
            ["repository_selection"] = "selected",
        });
    }

    private Answer ListRepositories(IRequestMessage request, long installationId)
    {
        var repos = state.Installations[installationId];
        var (page, links) = Paginate(request, repos.Count);
        var body = new JsonObject
        {
            ["total_count"] = repos.Count,
            ["repository_selection"] = "selected",
            ["repositories"] = new JsonArray([.. repos.Skip(page.Skip).Take(page.Take).Select(RepositoryJson)]),
        };
        return Answer.Of(200, body, links);
    }

    private bool IsJwt(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Split('.').Length == 3;

    private JsonObject AppJson()
    {
        var now = Iso(Now());
        return new JsonObject
        {
            ["id"] = state.AppId,
            ["slug"] = state.AppSlug,
            ["node_id"] = NodeId("A", state.AppId),
            ["client_id"] = "Iv1.fake",
            ["owner"] = UserJson("octo-org", type: "Organization"),
            ["name"] = state.AppSlug,
            ["description"] = "Runs RFC votes",
            ["external_url"] = "https://example.org/governance-bot",
            ["html_url"] = $"https://github.com/apps/{state.AppSlug}",
            ["created_at"] = now,
            ["updated_at"] = now,
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read", ["checks"] = "write", ["pull_requests"] = "read" },
            ["events"] = new JsonArray("issues", "issue_comment", "pull_request", "check_run"),
        };
    }

    private JsonObject InstallationJson(long id)
    {
        var owner = state.Installations[id].FirstOrDefault().Owner ?? "octo-org";
        var now = Iso(Now());
        return new JsonObject
        {
            ["id"] = id,
            ["account"] = AccountJson(owner),
            ["repository_selection"] = "selected",
            ["access_tokens_url"] = $"{PublicUrl}app/installations/{id}/access_tokens",
            ["repositories_url"] = $"{PublicUrl}installation/repositories",
            ["html_url"] = $"https://github.com/organizations/{owner}/settings/installations/{id}",
            ["app_id"] = state.AppId,
            ["app_slug"] = state.AppSlug,
            ["target_id"] = StableId(owner),
            ["target_type"] = "Organization",
            ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read", ["members"] = "read", ["checks"] = "write", ["pull_requests"] = "read" },
            ["events"] = new JsonArray("issues", "issue_comment", "pull_request", "check_run"),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["single_file_name"] = null,
            ["suspended_by"] = null,
            ["suspended_at"] = null,
        };
    }

    /// <summary>
    /// GitHub's description of <c>GET /app/installations</c> declares the account as user and enterprise at once
    /// (an allOf), so it carries the enterprise fields too; clients ignore what they do not know.
    /// </summary>
    private JsonObject AccountJson(string owner)
    {
        var account = UserJson(owner, type: "Organization");
        account["name"] = owner;
        account["slug"] = owner;
        account["created_at"] = Iso(Now());
        account["updated_at"] = Iso(Now());
        return account;
    }

    private JsonObject RepositoryJson(RepoKey repo)
    {
        var api = $"{PublicUrl}repos/{repo}";
        var html = $"https://github.com/{repo}";
        var json = new JsonObject
        {
            ["id"] = StableId(repo.ToString()),
            ["node_id"] = NodeId("R_", StableId(repo.ToString())),
            ["name"] = repo.Name,
            ["full_name"] = repo.ToString(),
            ["license"] = null,
            ["forks"] = 0,
            ["owner"] = UserJson(repo.Owner, type: "Organization"),
            ["private"] = false,
            ["html_url"] = html,
            ["description"] = null,
            ["fork"] = false,
            ["url"] = api,
            ["git_url"] = $"git://github.com/{repo}.git",
            ["ssh_url"] = $"git@github.com:{repo}.git",
            ["clone_url"] = $"{html}.git",
            ["svn_url"] = html,
            ["mirror_url"] = null,
            ["homepage"] = null,
            ["language"] = null,
            ["forks_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers_count"] = 0,
            ["size"] = 0,
            ["default_branch"] = "main",
            ["open_issues_count"] = 0,
            ["has_issues"] = true,
            ["has_projects"] = false,
            ["has_wiki"] = false,
            ["has_pages"] = false,
            ["has_downloads"] = false,
            ["archived"] = false,
            ["disabled"] = false,
            ["pushed_at"] = Iso(Now()),
            ["created_at"] = Iso(Now()),
            ["updated_at"] = Iso(Now()),
            ["open_issues"] = 0,
            ["watchers"] = 0,
        };
        string[] templated = ["archive_url", "assignees_url", "blobs_url", "branches_url", "collaborators_url", "comments_url", "commits_url", "compare_url", "contents_url", "contributors_url", "deployments_url", "downloads_url", "events_url", "forks_url", "git_commits_url", "git_refs_url", "git_tags_url", "hooks_url", "issue_comment_url", "issue_events_url", "issues_url", "keys_url", "labels_url", "languages_url", "merges_url", "milestones_url", "notifications_url", "pulls_url", "releases_url", "stargazers_url", "statuses_url", "subscribers_url", "subscription_url", "tags_url", "teams_url", "trees_url"];
        foreach (var field in templated)
        {
            json[field] = $"{api}/{field[..^4]}";
        }

        return json;
    }
}
