using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Pull requests: arrange verbs (open, push, merge), reads, and the handlers of <c>pulls/{n}</c>, its commits and files.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>An open pull request with one commit by its author; the issues endpoints answer for it too.</summary>
    public FakeGitHub GivenPullRequest(string repo, int number, string title, string author, params string[] labels) =>
        GivenPullRequestChanging(repo, number, title, author, ["README.md"], labels);

    /// <summary>An open pull request whose one commit changes <paramref name="files"/>.</summary>
    public FakeGitHub GivenPullRequestChanging(string repo, int number, string title, string author, string[] files, params string[] labels)
    {
        lock (gate)
        {
            state.AddPullRequest(RepoKey.Parse(repo), number, title, author, labels, files);
        }

        return this;
    }

    /// <summary><paramref name="by"/> pushes <paramref name="commits"/> commits to the pull request; returns the new head SHA.</summary>
    public string Push(string repo, int number, string by, int commits = 1, params string[] files)
    {
        lock (gate)
        {
            return state.Push(state.Issue(RepoKey.Parse(repo), number), by, commits, files);
        }
    }

    /// <summary><paramref name="by"/> merges the pull request (GitHub records <c>merged</c> and <c>closed</c>).</summary>
    public FakeGitHub Merge(string repo, int number, string by)
    {
        lock (gate)
        {
            state.Merge(state.Issue(RepoKey.Parse(repo), number), by);
        }

        return this;
    }

    /// <summary>The SHA of the pull request's head commit now.</summary>
    public string HeadSha(string repo, int number)
    {
        lock (gate)
        {
            return GitHubState.PullOf(state.Issue(RepoKey.Parse(repo), number)).HeadSha;
        }
    }

    /// <summary>Every SHA of the pull request's commits, oldest first.</summary>
    public IReadOnlyList<string> CommitShas(string repo, int number)
    {
        lock (gate)
        {
            return [.. GitHubState.PullOf(state.Issue(RepoKey.Parse(repo), number)).Commits.Select(c => c.Sha)];
        }
    }

    private Answer PullRequestAnswer(StoredIssue issue) =>
        issue.Pull is null ? NotFound("https://docs.github.com/rest/pulls/pulls#get-a-pull-request") : Answer.Of(200, PullRequestJson(issue, issue.Pull));

    private Answer PullRequestCommits(IRequestMessage request, StoredIssue issue) =>
        issue.Pull is null
            ? NotFound()
            : Page(request, [.. issue.Pull.Commits.Take(250).Select((c, i) => CommitJson(issue.Repo, c, i == 0 ? null : issue.Pull.Commits[i - 1].Sha))]);

    private Answer PullRequestFiles(IRequestMessage request, StoredIssue issue) =>
        issue.Pull is null ? NotFound() : Page(request, [.. issue.Pull.Files.Take(3000).Select(f => FileJson(issue.Repo, issue.Pull.HeadSha, f))]);

    private JsonObject PullRequestJson(StoredIssue issue, StoredPullRequest pull)
    {
        var api = $"{PublicUrl}repos/{issue.Repo}";
        var html = $"https://github.com/{issue.Repo}/pull/{issue.Number}";
        var self = $"{api}/pulls/{issue.Number}";
        JsonObject Link(string href) => new() { ["href"] = href };
        JsonObject Ref(string @ref, string sha) => new()
        {
            ["label"] = $"{issue.Repo.Owner}:{@ref}",
            ["ref"] = @ref,
            ["sha"] = sha,
            ["user"] = UserJson(issue.Repo.Owner, type: "Organization"),
            ["repo"] = RepositoryJson(issue.Repo),
        };
        return new JsonObject
        {
            ["url"] = self,
            ["id"] = issue.Id,
            ["node_id"] = NodeId("PR_", issue.Id),
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = $"{api}/issues/{issue.Number}",
            ["commits_url"] = $"{self}/commits",
            ["review_comments_url"] = $"{self}/comments",
            ["review_comment_url"] = $"{api}/pulls/comments{{/number}}",
            ["comments_url"] = $"{api}/issues/{issue.Number}/comments",
            ["statuses_url"] = $"{api}/statuses/{pull.HeadSha}",
            ["number"] = issue.Number,
            ["state"] = issue.IsOpen ? "open" : "closed",
            ["locked"] = false,
            ["title"] = issue.Title,
            ["user"] = UserJson(issue.Author),
            ["body"] = null,
            ["labels"] = new JsonArray([.. state.LabelsOf(issue).Select(l => LabelJson(issue.Repo, l))]),
            ["milestone"] = null,
            ["created_at"] = Iso(issue.CreatedAt),
            ["updated_at"] = Iso(issue.CreatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Iso(closed) : null,
            ["merged_at"] = pull.MergedAt is { } merged ? Iso(merged) : null,
            ["merge_commit_sha"] = null,
            ["assignee"] = null,
            ["head"] = Ref($"pr-{issue.Number}", pull.HeadSha),
            ["base"] = Ref("main", new string('0', 40)),
            ["_links"] = new JsonObject
            {
                ["self"] = Link(self),
                ["html"] = Link(html),
                ["issue"] = Link($"{api}/issues/{issue.Number}"),
                ["comments"] = Link($"{api}/issues/{issue.Number}/comments"),
                ["review_comments"] = Link($"{self}/comments"),
                ["review_comment"] = Link($"{api}/pulls/comments{{/number}}"),
                ["commits"] = Link($"{self}/commits"),
                ["statuses"] = Link($"{api}/statuses/{pull.HeadSha}"),
            },
            ["author_association"] = "CONTRIBUTOR",
            ["auto_merge"] = null,
            ["merged"] = pull.Merged,
            ["mergeable"] = issue.IsOpen ? true : null,
            ["mergeable_state"] = issue.IsOpen ? "clean" : "unknown",
            ["merged_by"] = pull.MergedBy is { } mergedBy ? UserJson(mergedBy) : null,
            ["comments"] = issue.Comments.Count,
            ["review_comments"] = 0,
            ["maintainer_can_modify"] = false,
            ["commits"] = pull.Commits.Count,
            ["additions"] = pull.Files.Count,
            ["deletions"] = 0,
            ["changed_files"] = pull.Files.Count,
        };
    }

    private JsonObject CommitJson(RepoKey repo, StoredCommit commit, string? parent)
    {
        var api = $"{PublicUrl}repos/{repo}";
        var gitUser = new JsonObject { ["name"] = commit.Author, ["email"] = $"{commit.Author}@users.noreply.github.com", ["date"] = Iso(commit.At) };
        return new JsonObject
        {
            ["url"] = $"{api}/commits/{commit.Sha}",
            ["sha"] = commit.Sha,
            ["node_id"] = NodeId("C_", StableId(commit.Sha)),
            ["html_url"] = $"https://github.com/{repo}/commit/{commit.Sha}",
            ["comments_url"] = $"{api}/commits/{commit.Sha}/comments",
            ["commit"] = new JsonObject
            {
                ["url"] = $"{api}/git/commits/{commit.Sha}",
                ["author"] = gitUser,
                ["committer"] = gitUser.DeepClone(),
                ["message"] = commit.Message,
                ["comment_count"] = 0,
                ["tree"] = new JsonObject { ["sha"] = commit.Sha, ["url"] = $"{api}/git/trees/{commit.Sha}" },
            },
            ["author"] = UserJson(commit.Author),
            ["committer"] = UserJson(commit.Author),
            ["parents"] = parent is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["sha"] = parent, ["url"] = $"{api}/commits/{parent}", ["html_url"] = $"https://github.com/{repo}/commit/{parent}" }),
        };
    }

    private JsonObject FileJson(RepoKey repo, string headSha, string path) => new()
    {
        ["sha"] = headSha,
        ["filename"] = path,
        ["status"] = "modified",
        ["additions"] = 1,
        ["deletions"] = 0,
        ["changes"] = 1,
        ["blob_url"] = $"https://github.com/{repo}/blob/{headSha}/{path}",
        ["raw_url"] = $"https://github.com/{repo}/raw/{headSha}/{path}",
        ["contents_url"] = $"{PublicUrl}repos/{repo}/contents/{path}?ref={headSha}",
    };
}
