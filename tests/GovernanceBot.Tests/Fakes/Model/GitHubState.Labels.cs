namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>A repository's labels and their application to issues, each change recorded as an event.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<RepoKey, Dictionary<string, FakeLabel>> RepoLabels { get; } = [];

    /// <summary>The repository's label, created (like GitHub, with a default colour) when it does not exist yet.</summary>
    public FakeLabel EnsureRepoLabel(RepoKey repo, string name, string? color = null, string? description = null)
    {
        if (!RepoLabels.TryGetValue(repo, out var labels))
        {
            RepoLabels[repo] = labels = new Dictionary<string, FakeLabel>();
        }

        if (!labels.TryGetValue(name.ToLowerInvariant(), out var label))
        {
            label = new FakeLabel(NextId(), name, color ?? "ededed", description);
            labels[name.ToLowerInvariant()] = label;
        }

        return label;
    }

    public FakeLabel? RepoLabel(RepoKey repo, string name) =>
        RepoLabels.TryGetValue(repo, out var labels) && labels.TryGetValue(name.ToLowerInvariant(), out var label) ? label : null;

    /// <summary>The issue's labels as the repository defines them.</summary>
    public IEnumerable<FakeLabel> LabelsOf(FakeIssue issue) => issue.Labels.Select(l => RepoLabels[issue.Repo][l.ToLowerInvariant()]);

    public void ApplyLabel(FakeIssue issue, string name, string actor)
    {
        var label = EnsureRepoLabel(issue.Repo, name);
        if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label.Name);
            issue.Events.Add(new FakeEvent(NextId(), "labeled", label.Name, actor, Now()));
        }
    }

    public void UnapplyLabel(FakeIssue issue, string name, string actor)
    {
        var existing = issue.Labels.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            issue.Labels.Remove(existing);
            issue.Events.Add(new FakeEvent(NextId(), "unlabeled", existing, actor, Now()));
        }
    }

    /// <summary>A labeled (or unlabeled) event in the issue's history; the issue's current labels are not changed.</summary>
    public void AddLabelEvent(FakeIssue issue, string label, string actor, DateTimeOffset at, bool labeled) =>
        issue.Events.Add(new FakeEvent(NextId(), labeled ? "labeled" : "unlabeled", label, actor, at));
}
