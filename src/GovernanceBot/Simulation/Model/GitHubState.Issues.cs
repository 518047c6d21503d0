using System.Globalization;

namespace GovernanceBot.Simulation.Model;

/// <summary>Issues and pull requests: creation, open/closed state and its events, lookup and listing.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<(RepoKey, int), StoredIssue> Issues { get; } = [];

    /// <summary>An open issue; its labels are applied without events.</summary>
    public StoredIssue AddIssue(RepoKey repo, int number, string title, string author, IEnumerable<string> labels)
    {
        var issue = new StoredIssue(repo, number, NextResourceId(), title, author, Now());
        foreach (var label in labels)
        {
            issue.Labels.Add(EnsureRepoLabel(repo, label).Name);
        }

        Issues[(repo, number)] = issue;
        return issue;
    }

    /// <summary>Closes or reopens the issue, recording the event; nothing happens when it is already so.</summary>
    public void SetOpen(StoredIssue issue, bool open, string actor)
    {
        if (issue.IsOpen == open)
        {
            return;
        }

        issue.IsOpen = open;
        issue.ClosedAt = open ? null : Now();
        issue.Events.Add(new StoredEvent(NextId(), open ? "reopened" : "closed", null, actor, Now()));
    }

    public StoredIssue Issue(RepoKey repo, int number) =>
        Issues.TryGetValue((repo, number), out var issue) ? issue : throw new InvalidOperationException($"There is no issue {repo}#{number}: create it first (FakeGitHub.GivenIssue, InMemoryGitHub.CreateIssue).");

    /// <summary>The issue named by a URL's segments, when the number parses and the issue exists.</summary>
    public bool TryIssue(string owner, string repo, string number, out StoredIssue issue)
    {
        issue = null!;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
               && Issues.TryGetValue((new RepoKey(owner, repo), n), out issue!);
    }

    /// <summary>
    /// What GitHub's issue search answers for <c>is:open org:OWNER label:"a","b"</c> as the installation: its open
    /// issues and pull requests (only issues with <paramref name="pullRequests"/> false, <c>is:issue</c>) carrying any of
    /// the labels, in the owner's repositories it can see and that answer (a repository gone or closed to the App is not
    /// searched), newest first.
    /// </summary>
    public IEnumerable<StoredIssue> SearchOpenIssues(long installationId, string owner, IReadOnlyCollection<string> labels, bool pullRequests = true) => Issues.Values
        .Where(i => i.IsOpen && (pullRequests || !i.IsPullRequest) && string.Equals(i.Repo.Owner, owner, StringComparison.OrdinalIgnoreCase))
        .Where(i => CanSee(installationId, i.Repo) && !RepositoryStatus.ContainsKey(i.Repo))
        .Where(i => i.Labels.Any(l => labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
        .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Repo.ToString(), StringComparer.Ordinal).ThenByDescending(i => i.Number);

    /// <summary>The repository's issues in <paramref name="state"/> ("open", "closed", "all") carrying every label, newest first as GitHub lists them.</summary>
    public IEnumerable<StoredIssue> ListIssues(RepoKey repo, string state, IReadOnlyCollection<string> labels) => Issues.Values
        .Where(i => i.Repo == repo)
        .Where(i => state == "all" || (state == "open") == i.IsOpen)
        .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
        .OrderByDescending(i => i.Number);

    /// <summary>Rewrites the description of <paramref name="issue"/> (an issue or pull request) at <paramref name="at"/>; GitHub records when (<c>lastEditedAt</c>).</summary>
    public static void EditBody(StoredIssue issue, string body, DateTimeOffset at)
    {
        issue.Body = body;
        issue.BodyEditedAt = at;
    }
}
