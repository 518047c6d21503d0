using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// Succession: <c>commenter:LOGIN org:OWNER</c> issue search sorted by updated, opening an issue and editing its body;
/// and the verbs tests use to count the searches.
/// </summary>
public sealed partial class FakeGitHub
{
    /// <summary>The <c>commenter:</c> searches the bot made, by login (lower case).</summary>
    public IReadOnlyDictionary<string, int> CommenterSearches()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in Requests().Where(r => r.Method == "GET" && r.Path.EndsWith("/search/issues", StringComparison.Ordinal)))
        {
            var q = Uri.UnescapeDataString(request.Query.Replace('+', ' '));
            var at = q.IndexOf("commenter:", StringComparison.Ordinal);
            if (at < 0) continue;
            var login = new string([.. q[(at + "commenter:".Length)..].TakeWhile(c => c is not (' ' or '&'))]).ToLowerInvariant();
            counts[login] = counts.GetValueOrDefault(login) + 1;
        }

        return counts;
    }

    /// <summary>An open issue opened at <paramref name="at"/> by <paramref name="author"/>, who comments on it then.</summary>
    public FakeGitHub GivenOldComment(string repo, int number, string author, DateTimeOffset at)
    {
        lock (gate)
        {
            var key = RepoKey.Parse(repo);
            var issue = state.AddIssue(key, number, $"Discussion {number}", author, []);
            issue.CreatedAt = at;
            state.AddComment(issue, key.ToString(), author, "Sounds good to me.", isBot: false, at);
        }

        return this;
    }

    /// <summary>The issue's body as GitHub holds it.</summary>
    public string IssueBody(string repo, int number)
    {
        lock (gate)
        {
            return state.Issue(RepoKey.Parse(repo), number).Body;
        }
    }

    /// <summary>The repository's issues, newest first: number, title, labels, open.</summary>
    public IReadOnlyList<(int Number, string Title, IReadOnlyList<string> Labels, bool IsOpen)> IssuesIn(string repo)
    {
        lock (gate)
        {
            return [.. state.ListIssues(RepoKey.Parse(repo), "all", []).Select(i => (i.Number, i.Title, (IReadOnlyList<string>)[.. i.Labels], i.IsOpen))];
        }
    }

    private Answer SearchCommenter(IRequestMessage request, long installation, List<string> q)
    {
        var login = q.First(t => t.StartsWith("commenter:", StringComparison.Ordinal))["commenter:".Length..];
        var owner = q.FirstOrDefault(t => t.StartsWith("org:", StringComparison.Ordinal) || t.StartsWith("user:", StringComparison.Ordinal))?.Split(':', 2)[1];
        if (owner is null || Query(request, "sort") != "updated")
        {
            // The bot asks this search only for one account, newest activity first.
            return Answer.Of(422, Error("Validation Failed", "https://docs.github.com/rest/search/search#search-issues-and-pull-requests"));
        }

        return SearchAnswer(request, [.. state.SearchCommentedBy(installation, owner, login)], GitHubState.UpdatedAt);
    }

    private Answer CreateIssue(RepoKey repo, IRequestMessage request)
    {
        if (BodyField(request, "title") is not { } title)
        {
            return Answer.Of(422, Error("Validation Failed", "https://docs.github.com/rest/issues/issues#create-an-issue"));
        }

        var body = BodyField(request, "body") ?? "";
        if (TooLong(body) is { } tooLong) return tooLong;
        var labels = JsonNode.Parse(request.Body ?? "{}")?["labels"] is JsonArray array ? array.Select(l => l!.GetValue<string>()).ToList() : [];
        var issue = state.CreateIssue(repo, title, body, labels);
        return Answer.Of(201, IssueJson(issue), [("Location", $"{PublicUrl}repos/{repo}/issues/{issue.Number}")]);
    }

    private Answer EditIssue(StoredIssue issue, IRequestMessage request)
    {
        if (BodyField(request, "body") is { } body)
        {
            if (TooLong(body) is { } tooLong) return tooLong;
            issue.Body = body;
        }

        // The bot closes an issue once decided (on_decided.close).
        if (BodyField(request, "state") is { } wanted) state.SetOpen(issue, wanted == "open", BotLogin);
        return Answer.Of(200, IssueJson(issue));
    }
}
