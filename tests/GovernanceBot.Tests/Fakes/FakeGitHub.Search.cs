using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// Issue search (<c>GET /search/issues</c>): the qualifiers the bot uses — <c>is:open</c> (and <c>is:issue</c>, for issues only),
/// <c>org:</c>/<c>user:</c> and one <c>label:</c> with comma-separated (OR'd) names — over the installation's view;
/// succession's <c>commenter:LOGIN</c> search is in FakeGitHub.Succession.cs.
/// </summary>
public sealed partial class FakeGitHub
{
    private Answer SearchIssues(IRequestMessage request, long installation)
    {
        var q = SearchTerms(request);
        if (q.Any(t => t.StartsWith("commenter:", StringComparison.Ordinal))) return SearchCommenter(request, installation, q);
        var owner = q.FirstOrDefault(t => t.StartsWith("org:", StringComparison.Ordinal) || t.StartsWith("user:", StringComparison.Ordinal))?.Split(':', 2)[1];
        var labels = q.Where(t => t.StartsWith("label:", StringComparison.Ordinal))
            .SelectMany(t => t["label:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(l => l.Trim('"'))
            .ToList();
        if (owner is null || labels.Count == 0 || !q.Contains("is:open"))
        {
            // The bot asks only this one kind of search; anything else is a mistake in the test or the bot.
            return Answer.Of(422, Error("Validation Failed", "https://docs.github.com/rest/search/search#search-issues-and-pull-requests"));
        }

        return SearchAnswer(request, [.. state.SearchOpenIssues(installation, owner, labels, pullRequests: !q.Contains("is:issue"))]);
    }

    /// <summary>
    /// One page of GitHub's answer to an issue search holding <paramref name="found"/>; with <paramref name="updatedAt"/>, each
    /// item's <c>updated_at</c> is that time (the issue listings give the creation time).
    /// </summary>
    private Answer SearchAnswer(IRequestMessage request, List<StoredIssue> found, Func<StoredIssue, DateTimeOffset>? updatedAt = null)
    {
        var (page, links) = Paginate(request, found.Count);
        var items = found.Skip(page.Skip).Take(page.Take).Select(issue =>
        {
            var json = IssueJson(issue);
            json.Remove("body"); // the search result's description wants a string or nothing
            if (updatedAt is not null) json["updated_at"] = Iso(updatedAt(issue));
            json["score"] = 1.0;
            return (JsonNode)json;
        });
        return Answer.Of(200, new JsonObject
        {
            ["total_count"] = found.Count,
            ["incomplete_results"] = false,
            ["search_type"] = "lexical",
            ["items"] = new JsonArray([.. items]),
        }, links);
    }

    /// <summary>The terms of <c>q</c>, read from the raw query (a quoted label may hold spaces and commas).</summary>
    private static List<string> SearchTerms(IRequestMessage request)
    {
        var raw = (request.RawQuery ?? "").TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("q=", StringComparison.Ordinal)) ?? "q=";
        var q = Uri.UnescapeDataString(raw[2..].Replace('+', ' '));
        var terms = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in q)
        {
            if (c == '"') quoted = !quoted;
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0) terms.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0) terms.Add(current.ToString());
        return terms;
    }
}
