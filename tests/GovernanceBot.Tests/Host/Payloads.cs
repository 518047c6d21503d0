using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>Real webhook deliveries (vendored in <c>GitHubFixtures/payloads</c>), adapted to the repository and issue a test uses.</summary>
public static class Payloads
{
    public static string Directory { get; } = GitHubFixtures.PayloadsDirectory;

    /// <summary>Every payload file, as (event, file name).</summary>
    public static IEnumerable<(string Event, string File)> All() =>
        System.IO.Directory.GetDirectories(Directory).SelectMany(d =>
            System.IO.Directory.GetFiles(d, "*.json").Select(f => (Path.GetFileName(d), Path.GetFileName(f))));

    public static string Raw(string @event, string file) => File.ReadAllText(Path.Combine(Directory, @event, file));

    public static JsonObject Load(string @event, string file) => JsonNode.Parse(Raw(@event, file))!.AsObject();

    /// <summary>
    /// The delivery re-aimed at <paramref name="repo"/> ("owner/name") issue <paramref name="number"/> of installation
    /// <paramref name="installationId"/>; with <paramref name="pullRequest"/>, the issue is a pull request, as GitHub marks
    /// it in an <c>issue_comment</c> delivery (an <c>issue.pull_request</c> object).
    /// </summary>
    public static JsonObject For(string @event, string file, long installationId, string repo, int number, bool pullRequest = false)
    {
        var payload = Load(@event, file);
        var (owner, name) = (repo.Split('/')[0], repo.Split('/')[1]);
        payload["installation"] = new JsonObject { ["id"] = installationId, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
        var repository = payload["repository"]!.AsObject();
        repository["name"] = name;
        repository["full_name"] = repo;
        repository["owner"]!["login"] = owner;
        if (payload["issue"] is JsonObject issue)
        {
            issue["number"] = number;
            issue.Remove("pull_request");
            if (pullRequest)
            {
                issue["pull_request"] = new JsonObject
                {
                    ["url"] = $"https://api.github.com/repos/{repo}/pulls/{number}",
                    ["html_url"] = $"https://github.com/{repo}/pull/{number}",
                    ["diff_url"] = $"https://github.com/{repo}/pull/{number}.diff",
                    ["patch_url"] = $"https://github.com/{repo}/pull/{number}.patch",
                    ["merged_at"] = null,
                };
            }
        }

        if (payload["pull_request"] is JsonObject pull)
        {
            payload["number"] = number;
            pull["number"] = number;
        }

        return payload;
    }

    /// <summary>
    /// A <c>pull_request</c> delivery (<paramref name="file"/> such as <c>labeled.payload.json</c>) re-aimed at pull request
    /// <paramref name="number"/>, its head at <paramref name="headSha"/> when given.
    /// </summary>
    public static JsonObject ForPullRequest(string file, long installationId, string repo, int number, string? headSha = null)
    {
        var payload = For("pull_request", file, installationId, repo, number);
        if (headSha is not null)
        {
            payload["pull_request"]!["head"]!["sha"] = headSha;
            if (payload.ContainsKey("after")) payload["after"] = headSha;
        }

        return payload;
    }

    /// <summary>A <c>check_run</c> delivery (<paramref name="file"/> such as <c>rerequested.payload.json</c>) for the check <paramref name="name"/> on pull request <paramref name="number"/>.</summary>
    public static JsonObject ForCheckRun(string file, long installationId, string repo, int number, string name, string headSha)
    {
        var payload = For("check_run", file, installationId, repo, number);
        var run = payload["check_run"]!.AsObject();
        run["name"] = name;
        run["head_sha"] = headSha;
        run["pull_requests"] = new JsonArray(new JsonObject
        {
            ["url"] = $"https://api.github.com/repos/{repo}/pulls/{number}",
            ["id"] = 1000 + number,
            ["number"] = number,
            ["head"] = new JsonObject { ["ref"] = $"pr-{number}", ["sha"] = headSha, ["repo"] = new JsonObject { ["id"] = 1, ["url"] = $"https://api.github.com/repos/{repo}", ["name"] = repo.Split('/')[1] } },
            ["base"] = new JsonObject { ["ref"] = "main", ["sha"] = new string('0', 40), ["repo"] = new JsonObject { ["id"] = 1, ["url"] = $"https://api.github.com/repos/{repo}", ["name"] = repo.Split('/')[1] } },
        });
        return payload;
    }
}
