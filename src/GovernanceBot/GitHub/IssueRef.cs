namespace GovernanceBot.GitHub;

/// <summary>An issue of a repository.</summary>
public readonly record struct IssueRef(RepoRef Repo, int Number)
{
    public override string ToString() => $"{Repo}#{Number}";
}
