namespace GovernanceBot.GitHub;

/// <summary>A repository, as seen by one installation of the App.</summary>
public readonly record struct RepoRef(long InstallationId, string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";
}
