using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Issues and pull requests, their open/closed state and event log: arrange verbs, reads and handlers.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>An open issue; its labels are applied without events (use <see cref="GivenLabelEvent"/> for history).</summary>
    public FakeGitHub GivenIssue(string repo, int number, string title, string author, params string[] labels)
    {
        lock (gate)
        {
            state.AddIssue(RepoKey.Parse(repo), number, title, author, labels);
        }

        return this;
    }

    public FakeGitHub CloseIssue(string repo, int number, string actor) => SetState(repo, number, open: false, actor);

    public FakeGitHub ReopenIssue(string repo, int number, string actor) => SetState(repo, number, open: true, actor);

    public IReadOnlyList<FakeEvent> Events(string repo, int number)
    {
        lock (gate)
        {
            return [.. state.Issue(RepoKey.Parse(repo), number).Events.Select(e => new FakeEvent(e.Id, e.Kind, e.Label, e.Actor, e.At))];
        }
    }

    private Answer ListIssues(IRequestMessage request, RepoKey repo)
    {
        var stateFilter = Query(request, "state") ?? "open";
        var labelFilter = Query(request, "labels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var creator = Query(request, "creator");
        return Page(request, [.. state.ListIssues(repo, stateFilter, labelFilter)
            .Where(i => creator is null || string.Equals(i.Author, creator, StringComparison.OrdinalIgnoreCase))
            .Select(IssueJson)]);
    }

    /// <summary>The issue's conversation is locked (as GitHub answers <c>locked</c>).</summary>
    public bool IsLocked(string repo, int number)
    {
        lock (gate)
        {
            return state.Issue(RepoKey.Parse(repo), number).IsLocked;
        }
    }

    /// <summary>Whether the issue is open.</summary>
    public bool IsOpen(string repo, int number)
    {
        lock (gate)
        {
            return state.Issue(RepoKey.Parse(repo), number).IsOpen;
        }
    }

    private Answer LockIssue(StoredIssue issue)
    {
        issue.IsLocked = true;
        return Answer.Of(204, null);
    }

    /// <summary>Someone rewrites the description of issue (or pull request) <paramref name="number"/> at <paramref name="at"/>.</summary>
    public FakeGitHub EditIssueBody(string repo, int number, string body, DateTimeOffset at)
    {
        lock (gate)
        {
            GitHubState.EditBody(state.Issue(RepoKey.Parse(repo), number), body, at);
        }

        return this;
    }

    private FakeGitHub SetState(string repo, int number, bool open, string actor)
    {
        lock (gate)
        {
            state.SetOpen(state.Issue(RepoKey.Parse(repo), number), open, actor);
        }

        return this;
    }

    private JsonObject IssueJson(StoredIssue issue)
    {
        var api = $"{PublicUrl}repos/{issue.Repo}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = NodeId("I_", issue.Id),
            ["url"] = api,
            ["repository_url"] = $"{PublicUrl}repos/{issue.Repo}",
            ["labels_url"] = $"{api}/labels{{/name}}",
            ["comments_url"] = $"{api}/comments",
            ["events_url"] = $"{api}/events",
            ["html_url"] = $"https://github.com/{issue.Repo}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.IsOpen ? "open" : "closed",
            ["state_reason"] = issue.IsOpen ? null : "completed",
            ["title"] = issue.Title,
            ["body"] = issue.Body.Length == 0 ? null : issue.Body,
            ["user"] = UserJson(issue.Author),
            ["labels"] = new JsonArray([.. state.LabelsOf(issue).Select(l => LabelJson(issue.Repo, l))]),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = issue.IsLocked,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = issue.ClosedAt is { } closed ? Iso(closed) : null,
            ["created_at"] = Iso(issue.CreatedAt),
            ["updated_at"] = Iso(issue.CreatedAt),
            ["author_association"] = "CONTRIBUTOR",
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{PublicUrl}repos/{issue.Repo}/pulls/{issue.Number}",
                ["html_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}",
                ["diff_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}.diff",
                ["patch_url"] = $"https://github.com/{issue.Repo}/pull/{issue.Number}.patch",
            };
        }

        return json;
    }

    private JsonObject EventJson(StoredIssue issue, StoredEvent e)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["node_id"] = NodeId("LE_", e.Id),
            ["url"] = $"{PublicUrl}repos/{issue.Repo}/issues/events/{e.Id}",
            ["actor"] = UserJson(e.Actor),
            ["event"] = e.Kind,
            ["commit_id"] = null,
            ["commit_url"] = null,
            ["created_at"] = Iso(e.At),
            ["performed_via_github_app"] = null,
        };
        if (e.Label is { } label)
        {
            var color = state.RepoLabel(issue.Repo, label)?.Color ?? "ededed";
            json["label"] = new JsonObject { ["name"] = label, ["color"] = color };
        }

        return json;
    }
}
