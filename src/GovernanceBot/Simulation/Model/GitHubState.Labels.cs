namespace GovernanceBot.Simulation.Model;

/// <summary>A repository's labels and their application to issues, each change recorded as an event.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<RepoKey, Dictionary<string, StoredLabel>> RepoLabels { get; } = [];

    /// <summary>The repository's label, created (like GitHub, with a default colour) when it does not exist yet.</summary>
    public StoredLabel EnsureRepoLabel(RepoKey repo, string name, string? color = null, string? description = null)
    {
        if (!RepoLabels.TryGetValue(repo, out var labels))
        {
            RepoLabels[repo] = labels = new Dictionary<string, StoredLabel>();
        }

        if (!labels.TryGetValue(name.ToLowerInvariant(), out var label))
        {
            label = new StoredLabel(NextResourceId(), name, color ?? "ededed", description);
            labels[name.ToLowerInvariant()] = label;
        }

        return label;
    }

    public StoredLabel? RepoLabel(RepoKey repo, string name) =>
        RepoLabels.TryGetValue(repo, out var labels) && labels.TryGetValue(name.ToLowerInvariant(), out var label) ? label : null;

    /// <summary>The issue's labels as the repository defines them.</summary>
    public IEnumerable<StoredLabel> LabelsOf(StoredIssue issue) => issue.Labels.Select(l => RepoLabels[issue.Repo][l.ToLowerInvariant()]);

    public void ApplyLabel(StoredIssue issue, string name, string actor)
    {
        var label = EnsureRepoLabel(issue.Repo, name);
        if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label.Name);
            issue.Events.Add(new StoredEvent(NextId(), "labeled", label.Name, actor, Now()));
        }
    }

    public void UnapplyLabel(StoredIssue issue, string name, string actor)
    {
        var existing = issue.Labels.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            issue.Labels.Remove(existing);
            issue.Events.Add(new StoredEvent(NextId(), "unlabeled", existing, actor, Now()));
        }
    }

    /// <summary>A labeled (or unlabeled) event in the issue's history; the issue's current labels are not changed.</summary>
    public void AddLabelEvent(StoredIssue issue, string label, string actor, DateTimeOffset at, bool labeled) =>
        issue.Events.Add(new StoredEvent(NextId(), labeled ? "labeled" : "unlabeled", label, actor, at));
}
