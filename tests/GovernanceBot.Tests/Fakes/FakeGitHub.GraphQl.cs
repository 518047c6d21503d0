using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// GitHub's GraphQL endpoint, as far as the bot uses it: <c>nodes(ids:)</c> on issue comments with their last editor and
/// edit history (<c>userContentEdits</c>, whose <c>diff</c> is the whole text of each revision), and on issues and pull
/// requests with the last edit of their body (<c>lastEditedAt</c>). Prism checks REST only,
/// so the fake checks the query itself: known fields only, no mutation, connections paged by at most 100, and records
/// anything else in <see cref="GraphQlViolations"/> (and answers with GraphQL errors, as GitHub does).
/// </summary>
public sealed partial class FakeGitHub
{
    /// <summary>The names a query may use: GitHub's schema for what the fake answers.</summary>
    private static readonly HashSet<string> GraphQlNames =
    [
        "query", "ID", "nodes", "ids", "on", "IssueComment", "id", "lastEditedAt", "editor", "__typename", "login",
        "userContentEdits", "first", "last", "totalCount", "editedAt", "deletedAt", "diff", "createdAt", "Issue", "PullRequest",
    ];

    private readonly List<string> graphQlViolations = [];

    /// <summary>What was wrong with the GraphQL queries the bot sent; empty when each had the expected shape.</summary>
    public IReadOnlyList<string> GraphQlViolations
    {
        get
        {
            lock (gate) return [.. graphQlViolations];
        }
    }

    /// <summary>How many GraphQL requests were made.</summary>
    public int GraphQlRequests
    {
        get
        {
            lock (gate) return requests.Count(r => r.Path == "/graphql");
        }
    }

    /// <summary>A comment's history as GitHub answers it, oldest first.</summary>
    public IReadOnlyList<FakeRevision> History(long commentId)
    {
        lock (gate) return [.. state.History(commentId).Select(r => new FakeRevision(r.At, GraphQlLogin(r.Editor), r.EditorIsBot, r.Body))];
    }

    private Answer GraphQl(IRequestMessage request)
    {
        var problems = new List<string>();
        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(request.Body ?? "") as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var query = body?["query"]?.GetValue<string>() ?? "";
        var variables = body?["variables"] as JsonObject;
        if (body is null || query.Length == 0) problems.Add("the body is not a GraphQL request ({\"query\": ..., \"variables\": ...})");
        if (Regex.IsMatch(query, @"^\s*mutation\b")) problems.Add("a mutation: the bot only reads");
        foreach (Match name in Regex.Matches(query, @"(?<![$\w])[A-Za-z_]\w*"))
        {
            if (!GraphQlNames.Contains(name.Value) && !IsAlias(query, name)) problems.Add($"Field '{name.Value}' doesn't exist on type 'IssueComment'");
        }

        foreach (Match page in Regex.Matches(query, @"userContentEdits\s*\(\s*(first|last)\s*:\s*(\d+)\s*\)"))
        {
            if (int.Parse(page.Groups[2].Value, CultureInfo.InvariantCulture) > 100) problems.Add("userContentEdits asks for more than 100 records");
        }

        if (query.Contains("userContentEdits", StringComparison.Ordinal) && !Regex.IsMatch(query, @"userContentEdits\s*\(\s*(first|last)\s*:"))
        {
            problems.Add("userContentEdits without first or last");
        }

        var lists = new Dictionary<string, (List<string> Ids, bool WithHistory)>();
        var fields = Regex.Matches(query, @"(\w+)\s*:\s*nodes\s*\(\s*ids\s*:\s*\$(\w+)\s*\)");
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            var selection = query[field.Index..(f + 1 < fields.Count ? fields[f + 1].Index : query.Length)];
            var ids = variables?[field.Groups[2].Value] as JsonArray;
            if (ids is null || ids.Any(i => i is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)) problems.Add($"${field.Groups[2].Value} is not a list of ids");
            else if (ids.Count > 100) problems.Add($"${field.Groups[2].Value} has more than 100 ids");
            else lists[field.Groups[1].Value] = ([.. ids.Select(i => i!.GetValue<string>())], selection.Contains("userContentEdits", StringComparison.Ordinal));
        }

        if (lists.Count == 0) problems.Add("no nodes(ids:) field");
        if (problems.Count > 0)
        {
            graphQlViolations.AddRange(problems);
            return Answer.Of(200, new JsonObject { ["errors"] = new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject { ["message"] = p })]) }, [("X-RateLimit-Resource", "graphql")]);
        }

        var data = new JsonObject();
        var errors = new JsonArray();
        foreach (var (alias, (ids, withHistory)) in lists)
        {
            var nodes = new JsonArray();
            foreach (var id in ids)
            {
                var comment = state.AllComments().FirstOrDefault(c => NodeId("IC_", c.Id) == id);
                var issue = comment is null ? state.Issues.Values.FirstOrDefault(i => NodeId("I_", i.Id) == id) : null;
                nodes.Add(comment is not null ? CommentNode(comment, withHistory) : issue is not null ? IssueNode(issue) : null);
                if (comment is null && issue is null) errors.Add(new JsonObject { ["type"] = "NOT_FOUND", ["message"] = $"Could not resolve to a node with the global id of '{id}'" });
            }

            data[alias] = nodes;
        }

        var answer = new JsonObject { ["data"] = data };
        if (errors.Count > 0) answer["errors"] = errors;
        return Answer.Of(200, answer, [("X-RateLimit-Resource", "graphql")]);
    }

    private static bool IsAlias(string query, Match name) => Regex.IsMatch(query[(name.Index + name.Length)..], @"^\s*:\s*nodes\b");

    private JsonObject CommentNode(StoredComment comment, bool withHistory)
    {
        var revisions = state.Revisions.GetValueOrDefault(comment.Id) ?? [];
        var last = revisions.Count > 1 ? revisions[^1] : null;
        var node = new JsonObject
        {
            ["id"] = NodeId("IC_", comment.Id),
            ["lastEditedAt"] = last is null ? null : Iso(last.At),
            ["editor"] = last is null ? null : Actor(last),
        };
        if (withHistory)
        {
            // Newest first, as GitHub lists them.
            node["userContentEdits"] = new JsonObject
            {
                ["totalCount"] = revisions.Count,
                ["nodes"] = new JsonArray([.. revisions.AsEnumerable().Reverse().Take(100).Select(r => (JsonNode)new JsonObject
                {
                    ["editedAt"] = Iso(r.At),
                    ["deletedAt"] = null,
                    ["diff"] = r.Body,
                    ["editor"] = Actor(r),
                })]),
            };
        }

        return node;
    }

    /// <summary>An issue or pull request: the last edit of its body (a title edit does not count).</summary>
    private static JsonObject IssueNode(StoredIssue issue) => new()
    {
        ["id"] = NodeId("I_", issue.Id),
        ["lastEditedAt"] = issue.BodyEditedAt is { } at ? Iso(at) : null,
    };

    private static JsonObject Actor(StoredRevision r) => new() { ["__typename"] = r.EditorIsBot ? "Bot" : "User", ["login"] = GraphQlLogin(r.Editor) };

    /// <summary>GraphQL names a bot by its slug, without the "[bot]" REST adds.</summary>
    private static string GraphQlLogin(string login) => login.EndsWith("[bot]", StringComparison.Ordinal) ? login[..^"[bot]".Length] : login;
}
