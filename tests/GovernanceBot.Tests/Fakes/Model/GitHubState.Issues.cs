using System.Globalization;

namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>Issues and pull requests: creation, open/closed state and its events, lookup and listing.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<(RepoKey, int), FakeIssue> Issues { get; } = [];

    /// <summary>An open issue; its labels are applied without events.</summary>
    public FakeIssue AddIssue(RepoKey repo, int number, string title, string author, IEnumerable<string> labels)
    {
        var issue = new FakeIssue(repo, number, NextId(), title, author, Now());
        foreach (var label in labels)
        {
            issue.Labels.Add(EnsureRepoLabel(repo, label).Name);
        }

        Issues[(repo, number)] = issue;
        return issue;
    }

    /// <summary>Closes or reopens the issue, recording the event; nothing happens when it is already so.</summary>
    public void SetOpen(FakeIssue issue, bool open, string actor)
    {
        if (issue.IsOpen == open)
        {
            return;
        }

        issue.IsOpen = open;
        issue.ClosedAt = open ? null : Now();
        issue.Events.Add(new FakeEvent(NextId(), open ? "reopened" : "closed", null, actor, Now()));
    }

    public FakeIssue Issue(RepoKey repo, int number) =>
        Issues.TryGetValue((repo, number), out var issue) ? issue : throw new InvalidOperationException($"FakeGitHub has no issue {repo}#{number}: call GivenIssue first.");

    /// <summary>The issue named by a URL's segments, when the number parses and the issue exists.</summary>
    public bool TryIssue(string owner, string repo, string number, out FakeIssue issue)
    {
        issue = null!;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
               && Issues.TryGetValue((new RepoKey(owner, repo), n), out issue!);
    }

    /// <summary>The repository's issues in <paramref name="state"/> ("open", "closed", "all") carrying every label, newest first as GitHub lists them.</summary>
    public IEnumerable<FakeIssue> ListIssues(RepoKey repo, string state, IReadOnlyCollection<string> labels) => Issues.Values
        .Where(i => i.Repo == repo)
        .Where(i => state == "all" || (state == "open") == i.IsOpen)
        .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
        .OrderByDescending(i => i.Number);
}
