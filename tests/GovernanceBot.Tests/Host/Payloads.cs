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

    /// <summary>The delivery re-aimed at <paramref name="repo"/> ("owner/name") issue <paramref name="number"/> of installation <paramref name="installationId"/>.</summary>
    public static JsonObject For(string @event, string file, long installationId, string repo, int number)
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
        }

        return payload;
    }
}
