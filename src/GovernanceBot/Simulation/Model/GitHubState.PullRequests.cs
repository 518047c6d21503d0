using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovernanceBot.Simulation.Model;

/// <summary>Pull requests: an issue with commits, changed paths and a merge state; pushes and merges.</summary>
internal sealed partial class GitHubState
{
    /// <summary>An open pull request with one commit by its author that changes <paramref name="files"/>.</summary>
    public StoredIssue AddPullRequest(RepoKey repo, int number, string title, string author, IEnumerable<string> labels, IEnumerable<string> files)
    {
        var issue = AddIssue(repo, number, title, author, labels);
        issue.IsPullRequest = true;
        issue.Pull = new StoredPullRequest();
        issue.Pull.Files.AddRange(files);
        issue.Pull.Commits.Add(new StoredCommit(NextSha(issue), author, Now(), title));
        return issue;
    }

    /// <summary>The pull request of <paramref name="issue"/>, or an error naming the verbs that make one.</summary>
    public static StoredPullRequest PullOf(StoredIssue issue) =>
        issue.Pull ?? throw new InvalidOperationException($"{issue.Repo}#{issue.Number} is not a pull request: create it with FakeGitHub.GivenPullRequest or InMemoryGitHub.CreatePullRequest.");

    /// <summary><paramref name="by"/> pushes <paramref name="commits"/> new commits; the last becomes the head. Returns the new head's SHA.</summary>
    public string Push(StoredIssue issue, string by, int commits = 1, IEnumerable<string>? files = null, string message = "Update")
    {
        var pull = PullOf(issue);
        for (var i = 0; i < commits; i++)
        {
            pull.Commits.Add(new StoredCommit(NextSha(issue), by, Now(), commits == 1 ? message : $"{message} ({i + 1})"));
        }

        foreach (var file in files ?? [])
        {
            if (!pull.Files.Contains(file, StringComparer.Ordinal)) pull.Files.Add(file);
        }

        return pull.HeadSha;
    }

    /// <summary>Merges the open pull request: GitHub records <c>merged</c> then <c>closed</c>.</summary>
    public void Merge(StoredIssue issue, string by)
    {
        var pull = PullOf(issue);
        if (!issue.IsOpen || pull.Merged)
        {
            throw new InvalidOperationException($"{issue.Repo}#{issue.Number} is not open, it cannot be merged");
        }

        pull.Merged = true;
        pull.MergedAt = Now();
        pull.MergedBy = by;
        issue.Events.Add(new StoredEvent(NextId(), "merged", null, by, Now()));
        SetOpen(issue, open: false, by);
    }

    /// <summary>A SHA that is new and the same in every run: 40 hex digits from the pull request and a counter.</summary>
    private string NextSha(StoredIssue issue) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{issue.Repo}#{issue.Number}:{NextId()}"))));
}
